/** Readable, unique TypeScript identifiers and file names for imported components. */
const RESERVED = new Set(
  (
    'break case catch class const continue debugger default delete do else enum export extends false finally for ' +
    'function if import in instanceof new null return super switch this throw true try typeof var void while with ' +
    'yield let static implements interface package private protected public await async of undefined NaN Infinity ' +
    'arguments eval app base readme common'
  ).split(' '),
);

/** `cats-public-516594` → `catsPublic516594`; `GetBreed` → `getBreed`. */
export function identifierFor(name: string): string {
  const words = name.split(/[^A-Za-z0-9]+/).filter(Boolean);
  let id = words
    .map((w, i) =>
      i === 0 ? w.charAt(0).toLowerCase() + w.slice(1) : w.charAt(0).toUpperCase() + w.slice(1),
    )
    .join('');
  if (!id) id = 'component';
  if (/^[0-9]/.test(id)) id = `_${id}`;
  return id;
}

export class IdentifierPool {
  private used = new Set<string>(['define', 'withExtras', 'rpcUrl', 'expr']);

  take(name: string, kindSuffix: string): string {
    let id = identifierFor(name);
    if (RESERVED.has(id) || this.used.has(id) || id.startsWith('define')) id = `${id}${kindSuffix}`;
    let candidate = id;
    for (let n = 2; RESERVED.has(candidate) || this.used.has(candidate); n++) candidate = `${id}${n}`;
    this.used.add(candidate);
    return candidate;
  }
}
