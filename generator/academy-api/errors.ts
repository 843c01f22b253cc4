/**
 * Every error answer has the shape `{ "error": { "message", "code", "type"? } }` (the v3 shape the
 * docs confirm); OAuth endpoints add the RFC 6749 error code as `type`.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly type?: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export function errorBody(status: number, message: string, type?: string): unknown {
  return { error: type ? { message, code: status, type } : { message, code: status } };
}

export const notFound = (what = 'Record not found'): ApiError => new ApiError(404, what);
export const badRequest = (message: string, type?: string): ApiError => new ApiError(400, message, type);
