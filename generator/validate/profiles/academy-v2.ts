import { defineProfile } from './profile.ts';

/**
 * App Academy API v2 (OAuth2): lifetimes in MINUTES; GET needs `read` except `/info`,
 * POST/PUT/PATCH need `write`, DELETE needs `delete`; every authorization must include `connect`;
 * only /movies, /people and /organizations page their results.
 */
export const academyV2Profile = defineProfile('academy-v2', {
  description: 'App Academy API v2 (app-academy.make.com/api/v2, OAuth2, lifetimes in minutes)',
  hosts: ['app-academy.make.com'],
  lifetimeUnit: 'minutes',
  methodScopes: [
    { method: 'GET', scope: 'read' },
    { method: 'POST', scope: 'write' },
    { method: 'PUT', scope: 'write' },
    { method: 'PATCH', scope: 'write' },
    { method: 'DELETE', scope: 'delete' },
  ],
  scopeFreePaths: ['/info', '/authorize', '/token', '/refresh', '/invalidate'],
  requiredAuthorizeScope: 'connect',
  // only /movies (page), /people (offset) and /organizations (has more) page their results
  unpaginatedPaths: ['/genres', '/files', '/awards', '/custom-fields', '/about'],
  paginatedLists: true, // lists come 5 items a page
});
