/** Where the API lives. The token request must send exactly the redirect URL authorize used. */
export const API_BASE = 'https://app-academy.make.com/api/v2';
export const REDIRECT_URI = 'https://www.make.com/oauth/cb/app';
