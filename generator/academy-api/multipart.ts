import { ApiError } from './errors.ts';

export interface MultipartPart {
  name: string;
  filename: string | null;
  contentType: string | null;
  data: Buffer;
}

/** Reads the boundary parameter of a multipart/form-data content type. */
export function multipartBoundary(contentType: string): string {
  const match = /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  const boundary = match?.[1] ?? match?.[2];
  if (!boundary) throw new ApiError(400, 'multipart/form-data body without a boundary parameter');
  if (boundary.length > 200) throw new ApiError(400, 'multipart boundary is longer than 200 characters');
  return boundary;
}

/**
 * Splits a multipart/form-data body (RFC 7578) into parts. Only what an upload needs: part headers
 * Content-Disposition and Content-Type; anything malformed is a 400 that names the problem.
 */
export function parseMultipart(body: Buffer, boundary: string): MultipartPart[] {
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: MultipartPart[] = [];
  let pos = body.indexOf(delimiter);
  if (pos < 0) throw new ApiError(400, 'multipart body does not contain its boundary');
  for (;;) {
    pos += delimiter.length;
    if (body.subarray(pos, pos + 2).toString() === '--') break; // closing delimiter
    if (body.subarray(pos, pos + 2).toString() !== '\r\n') {
      throw new ApiError(400, `multipart body: expected CRLF after the boundary at byte ${pos}`);
    }
    pos += 2;
    const headerEnd = body.indexOf('\r\n\r\n', pos);
    if (headerEnd < 0)
      throw new ApiError(400, `multipart body: part headers starting at byte ${pos} never end`);
    const headers = parsePartHeaders(body.subarray(pos, headerEnd).toString('utf8'));
    const dataStart = headerEnd + 4;
    const next = body.indexOf(Buffer.concat([Buffer.from('\r\n'), delimiter]), dataStart);
    if (next < 0) throw new ApiError(400, 'multipart body: the last part is not closed by a boundary');
    const disposition = headers['content-disposition'];
    if (!disposition || !/^form-data\b/i.test(disposition)) {
      throw new ApiError(
        400,
        `multipart body: part ${parts.length + 1} has no Content-Disposition: form-data`,
      );
    }
    parts.push({
      name: dispositionParam(disposition, 'name') ?? '',
      filename: dispositionParam(disposition, 'filename'),
      contentType: headers['content-type'] ?? null,
      data: body.subarray(dataStart, next),
    });
    pos = next + 2;
  }
  return parts;
}

function parsePartHeaders(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon <= 0) throw new ApiError(400, `multipart body: malformed part header "${line.slice(0, 80)}"`);
    out[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return out;
}

function dispositionParam(disposition: string, param: string): string | null {
  const re = new RegExp(`;\\s*${param}=(?:"((?:[^"\\\\]|\\\\.)*)"|([^;\\s]+))`, 'i');
  const m = re.exec(disposition);
  if (!m) return null;
  return m[1] !== undefined ? m[1].replace(/\\(.)/g, '$1') : m[2]!;
}
