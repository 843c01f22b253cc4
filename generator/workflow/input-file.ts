/**
 * Files named by options (--vars, --config, --baseline, --scenario, --replay...) are checked
 * before they are read: a device such as /dev/zero, a FIFO or a multi-gigabyte file would
 * otherwise be read until memory runs out. Folders are left to the caller (some options take one).
 */
import { statSync } from 'node:fs';
import { InputError } from '../model/errors.ts';

const MB = 1024 * 1024;

/** Size limits per kind of input, generous for real use. */
export const INPUT_LIMITS = { json: 10 * MB, scenario: 10 * MB, har: 200 * MB } as const;

/**
 * Throws an InputError naming `file` unless it is a regular file within `maxBytes` (or, when
 * `folderOk`, a folder). A missing path is left for the reader to report in its own words.
 */
export function checkInputFile(file: string, flag: string, maxBytes: number, folderOk = false): void {
  let st: ReturnType<typeof statSync>;
  try {
    st = statSync(file);
  } catch {
    return;
  }
  if (st.isDirectory()) {
    if (folderOk) return;
    throw new InputError(`${flag} must name a file, but this is a folder`, { file });
  }
  if (!st.isFile())
    throw new InputError(`${flag} must name a regular file (not a device, socket or pipe)`, { file });
  if (st.size > maxBytes)
    throw new InputError(
      `${flag} file is ${st.size} bytes, over the ${maxBytes}-byte limit; it was not read`,
      {
        file,
      },
    );
}
