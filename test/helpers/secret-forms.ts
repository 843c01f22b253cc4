/**
 * The forms a secret can take in a recording — raw, URL-encoded, form-encoded, base64 and
 * base64url on its own, inside an HTTP Basic `id:secret` pair, and embedded at any byte offset
 * in longer base64 data — computed here independently of the redactor under test.
 */
export function secretForms(secret: string, basicIds: string[] = []): string[] {
  const forms = new Set<string>([
    secret,
    encodeURIComponent(secret),
    encodeURIComponent(secret).replace(/%20/g, '+'),
  ]);
  const b64 = (b: Buffer) => [b.toString('base64'), b.toString('base64url')];
  for (const f of b64(Buffer.from(secret))) forms.add(f.replace(/=+$/, ''));
  for (const id of basicIds)
    for (const f of b64(Buffer.from(`${id}:${secret}`))) forms.add(f.replace(/=+$/, ''));
  // Embedded after 0, 1 or 2 other bytes: the 4-character groups made of secret bytes alone.
  for (let offset = 0; offset < 3; offset++) {
    const encoded = Buffer.concat([Buffer.alloc(offset), Buffer.from(secret)]).toString('base64');
    const firstWhole = offset === 0 ? 0 : 4;
    const usable = Math.floor((offset + Buffer.byteLength(secret)) / 3) * 4;
    const core = encoded.slice(firstWhole, usable);
    if (core.length >= 12) for (const f of [core, core.replace(/\+/g, '-').replace(/\//g, '_')]) forms.add(f);
  }
  return [...forms].filter((f) => f.length >= 8);
}

/** `secret (form)` for every issued secret found in `text` in any form; empty when clean. */
export function leakedSecrets(text: string, secrets: Iterable<string>, basicIds: string[] = []): string[] {
  const leaks: string[] = [];
  for (const s of secrets)
    for (const form of secretForms(s, basicIds)) if (text.includes(form)) leaks.push(`${s} (as ${form})`);
  return leaks;
}
