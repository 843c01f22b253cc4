import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { DEFAULT_RUBRIC, type Rubric } from '../diff/rubric.ts';
import { InputError } from '../model/errors.ts';

const NUMBERS = [
  'behaviourShare',
  'cosmeticPoints',
  'cosmeticMaxPoints',
  'breakingCap',
  'behaviouralCap',
  'unconfirmedWeight',
  'detailStepCredit',
  'unconfirmedCap',
  'passMark',
] as const;

/**
 * A rubric config file (YAML or JSON) overrides any field of the default rubric; weights merge
 * key by key. Unknown fields are refused so that a typo does not silently keep the default.
 */
export function parseRubric(text: string, file: string, base: Rubric = DEFAULT_RUBRIC): Rubric {
  let doc: unknown;
  try {
    doc = parse(text, { maxAliasCount: 50 });
  } catch (e) {
    throw new InputError(`the rubric is not valid YAML or JSON: ${(e as Error).message}`, { file });
  }
  if (!doc || typeof doc !== 'object' || Array.isArray(doc))
    throw new InputError('the rubric must be a mapping of rubric fields', { file });
  const out: Rubric = {
    ...base,
    classWeights: { ...base.classWeights },
    componentWeights: { ...base.componentWeights },
  };
  for (const [key, v] of Object.entries(doc)) {
    if ((NUMBERS as readonly string[]).includes(key)) {
      out[key as (typeof NUMBERS)[number]] = number(v, key, file);
    } else if (key === 'penaliseExtras') {
      if (typeof v !== 'boolean') throw new InputError('`penaliseExtras` must be true or false', { file });
      out.penaliseExtras = v;
    } else if (key === 'classWeights' || key === 'componentWeights') {
      if (!v || typeof v !== 'object' || Array.isArray(v))
        throw new InputError(`\`${key}\` must map names to numbers`, { file });
      for (const [k, w] of Object.entries(v)) {
        if (key === 'classWeights' && !Object.hasOwn(out.classWeights, k))
          throw new InputError(
            `\`classWeights.${k}\`: the classes are breaking, behavioural, cosmetic, equivalent`,
            {
              file,
            },
          );
        (out[key] as Record<string, number>)[k] = number(w, `${key}.${k}`, file);
      }
    } else throw new InputError(`unknown rubric field \`${key}\``, { file });
  }
  for (const share of ['behaviourShare', 'detailStepCredit', 'unconfirmedWeight'] as const)
    if (out[share] > 1) throw new InputError(`\`${share}\` is a share between 0 and 1`, { file });
  return out;
}

export function loadRubric(file: string): Rubric {
  return parseRubric(readFileSync(file, 'utf8'), file);
}

function number(v: unknown, key: string, file: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0)
    throw new InputError(`\`${key}\` must be a number ≥ 0`, { file });
  return v;
}
