/** The app's README shown in Make (Markdown). */
export const readme = `# App Academy

Work with the App Academy API v2 (OAuth 2) built for Make Academy's Custom Apps Development course:
movies, people, organizations, genres, awards, files, custom fields and movie events.

## Connecting

Create a connection, pick the account (John Doe or Jane Black) and allow access. Tokens are
refreshed automatically; after the refresh token expires (24 hours) you are asked to reconnect.

## Limits of the API

- 6 default movies that cannot be changed or deleted, and up to 14 of your own.
- Pages of at most 5 records, and at most 20 records in total.
- One webhook per user.
`;
