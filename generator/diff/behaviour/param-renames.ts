import {
  type AppModel,
  type Component,
  type ComponentKind,
  INPUT_PARAMETER_CODE_TYPES,
} from '../../model/app.ts';
import type { ComponentMatch } from '../types.ts';

interface Param {
  name: string;
  type: string;
  required: boolean;
}

function paramsOf(c: Component | undefined): Param[] {
  const out: Param[] = [];
  for (const t of INPUT_PARAMETER_CODE_TYPES) {
    const v = c?.codes[t]?.value;
    if (!Array.isArray(v)) continue;
    for (const p of v)
      if (p && typeof p === 'object' && typeof p.name === 'string')
        out.push({ name: p.name, type: String(p.type ?? 'text'), required: p.required === true });
  }
  return out;
}

/**
 * For each matched module and RPC, the student's name of each parameter the reference names
 * differently (`movieId` → `id`): the reference's scenarios fill parameters by name, and a correct
 * app may call them otherwise. Unshared names pair by type and required flag, then in order.
 */
export function parameterRenames(
  reference: AppModel,
  theirs: AppModel,
  matches: ComponentMatch[],
): Map<string, Map<string, string>> {
  const out = new Map<string, Map<string, string>>();
  for (const m of matches) {
    if (!m.reference || !m.theirs || (m.kind !== 'module' && m.kind !== 'rpc')) continue;
    const kind = m.kind as ComponentKind;
    const rp = paramsOf(reference.components[kind][m.reference]);
    const tp = paramsOf(theirs.components[kind][m.theirs]);
    const tNames = new Set(tp.map((p) => p.name));
    const rNames = new Set(rp.map((p) => p.name));
    const refOnly = rp.filter((p) => !tNames.has(p.name));
    const theirsOnly = tp.filter((p) => !rNames.has(p.name));
    const map = new Map<string, string>();
    const alike = (a: Param, b: Param) => a.type === b.type && a.required === b.required;
    for (const pass of [alike, () => true]) {
      for (const r of refOnly) {
        if (map.has(r.name)) continue;
        const i = theirsOnly.findIndex((t) => pass(r, t));
        if (i < 0) continue;
        map.set(r.name, theirsOnly[i].name);
        theirsOnly.splice(i, 1);
      }
    }
    if (map.size > 0) out.set(`${m.kind}:${m.reference}`, map);
  }
  return out;
}
