/** Fixed addresses of the App Academy API v2 (OAuth 2). */
export const API_BASE = 'https://app-academy.make.com/api/v2';

/**
 * The redirect URL registered for the app. The token request must send exactly the URL the
 * authorize request used, so both read this one constant.
 */
export const REDIRECT_URI = 'https://www.make.com/oauth/cb/app';
