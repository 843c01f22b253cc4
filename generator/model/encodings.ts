/**
 * Buffer encodings IML's binary functions accept (toString, toBinary...). The custom-function
 * sandbox worker is plain JavaScript and receives this list from its host through workerData.
 */
export const BUFFER_ENCODINGS = [
  'utf8',
  'utf-8',
  'ascii',
  'hex',
  'base64',
  'base64url',
  'binary',
  'latin1',
  'utf16le',
  'ucs2',
] as const;

/** Encodings a digest or a signature can be written in (sha256, hmac, cryptoSign); `binary` is latin1. */
export const DIGEST_ENCODINGS = ['hex', 'base64', 'base64url', 'latin1', 'binary'] as const;

export function isDigestEncoding(name: string): name is (typeof DIGEST_ENCODINGS)[number] {
  return (DIGEST_ENCODINGS as readonly string[]).includes(name);
}
