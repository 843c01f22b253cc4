import { type JsonDocument, parseJsonDocument } from './json-document.ts';

interface Entry {
  text: string;
  maxDepth: number;
  doc: JsonDocument;
  /** The load that last used the entry. */
  seen: number;
}

/**
 * Parsed documents kept across loads of one app (a language server reloads the app on every
 * keystroke): a file whose text did not change gets the very same document, so it is not parsed
 * again and everything keyed by its parsed value stays valid. A document depends only on
 * (file, text, depth limit), so a hit is exactly what a fresh parse would give. Documents that the
 * last load did not ask for are dropped when it ends.
 */
export class DocumentCache {
  private readonly entries = new Map<string, Entry>();
  private load = 0;

  /** Called by the loader when a load starts. */
  startLoad(): void {
    this.load++;
  }

  /** Called by the loader when a load ends: forget what it did not read (deleted or renamed files). */
  endLoad(): void {
    for (const [file, e] of this.entries) if (e.seen !== this.load) this.entries.delete(file);
  }

  parse(text: string, file: string, maxDepth: number): JsonDocument {
    const hit = this.entries.get(file);
    if (hit && hit.text === text && hit.maxDepth === maxDepth) {
      hit.seen = this.load;
      return hit.doc;
    }
    const doc = parseJsonDocument(text, file, { maxDepth });
    this.entries.set(file, { text, maxDepth, doc, seen: this.load });
    return doc;
  }

  get size(): number {
    return this.entries.size;
  }
}
