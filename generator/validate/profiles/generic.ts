import { defineProfile } from './profile.ts';

/** Any API: RFC 6749 gives `expires_in` in seconds; no method→scope convention is assumed. */
export const genericProfile = defineProfile('generic', {
  description: 'Any OAuth2/REST API (RFC 6749: token lifetimes in seconds, no method→scope map)',
  lifetimeUnit: 'seconds',
});
