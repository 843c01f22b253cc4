import path from 'node:path';
import type { AppListing } from './app-listing.ts';

/**
 * What the loader last read from the disk for one app: file texts and the folder listing, reused by
 * the next load instead of opening every file again. Only for a caller that hears about every
 * change on disk (a language server whose client watches the files) and calls `forget` for it:
 * the snapshot itself never looks at the disk. Files the loader could not read are not kept (they
 * are tried again, and reported again, on every load). Texts the last load did not ask for are
 * dropped when it ends.
 */
export class DiskSnapshot {
  private readonly texts = new Map<string, { text: string; seen: number }>();
  private listed?: { root: string; listing: AppListing };
  private load = 0;

  startLoad(): void {
    this.load++;
  }

  endLoad(): void {
    for (const [abs, e] of this.texts) if (e.seen !== this.load) this.texts.delete(abs);
  }

  text(abs: string): string | undefined {
    const e = this.texts.get(abs);
    if (e) e.seen = this.load;
    return e?.text;
  }

  remember(abs: string, text: string): void {
    this.texts.set(abs, { text, seen: this.load });
  }

  listing(root: string): AppListing | undefined {
    return this.listed?.root === root ? this.listed.listing : undefined;
  }

  rememberListing(root: string, listing: AppListing): void {
    this.listed = { root, listing };
  }

  /** Something changed on disk at `abs` (a file, or a folder and all it holds). */
  forget(abs: string): void {
    this.listed = undefined; // a file may have appeared or gone
    const under = abs.endsWith(path.sep) ? abs : abs + path.sep;
    for (const f of this.texts.keys()) if (f === abs || f.startsWith(under)) this.texts.delete(f);
  }
}
