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
