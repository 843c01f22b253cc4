/** Short, readable rendering of a normalised value for messages. */
export function show(v: unknown, max = 100): string {
  if (v === undefined) return '(nothing)';
  const s = typeof v === 'string' ? `"${v}"` : JSON.stringify(v);
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

/** Levenshtein distance, for "did you mean" on misspelt references. */
export function editDistance(a: string, b: string): number {
  const m = a.length;
  const n = b.length;
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= m; i++) {
    const cur = [i];
    for (let j = 1; j <= n; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[n];
}

/** What a well-known request field is for, to explain why missing it matters. */
export const KNOWN_FIELDS: Record<string, string> = {
  redirect_uri:
    'The App Academy API requires the token request to repeat the same redirect_uri as authorize; without it the code exchange fails with invalid_grant and the connection cannot be created.',
  grant_type:
    'The token endpoint needs grant_type (authorization_code, or refresh_token on refresh) to know what is exchanged.',
  client_id: 'The API identifies the app by client_id; without it the request is refused as invalid_client.',
  client_secret:
    'The API authenticates the app with client_secret; without it the request is refused as invalid_client.',
  code: 'The token request must send the authorization code Make received on the callback.',
  refresh_token: 'The refresh request must send the stored refresh token.',
  scope: 'The scopes asked for decide which endpoints the token may call.',
  response_type: 'authorize needs response_type=code to get a code back.',
  authorization:
    'Every API call needs `authorization: Bearer <access token>`; without it the API answers 401.',
};
