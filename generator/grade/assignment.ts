import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { Rubric } from '../diff/rubric.ts';
import {
  type AppModel,
  COMPONENT_KINDS,
  type Component,
  type ComponentKind,
  componentId,
} from '../model/app.ts';
import { InputError } from '../model/errors.ts';

/**
 * A course task: which reference components a submission must implement, which it may, and how
 * much each weighs. Components are matched by behaviour, so students may name theirs freely.
 *
 * ```yaml
 * name: Movies, week 3
 * required: [connections.academy, modules.createMovie, modules.getMovie]
 * optional: [rpcs.listGenres]
 * weights: { modules.createMovie: 3 }
 * ```
 */
export interface Assignment {
  name: string;
  file?: string;
  required: string[];
  optional: string[];
  weights: Record<string, number>;
}

const KIND_OF: Record<string, ComponentKind> = Object.fromEntries(
  COMPONENT_KINDS.flatMap((k) => [
    [k, k],
    [`${k}s`, k],
  ]),
);

/** `module.getMovie`, `modules.getMovie` → `modules.getMovie`; undefined when the kind is unknown. */
function componentKey(id: string): string | undefined {
  const dot = id.indexOf('.');
  if (dot < 1) return undefined;
  const kind = Object.hasOwn(KIND_OF, id.slice(0, dot)) ? KIND_OF[id.slice(0, dot)] : undefined;
  return kind ? componentId({ kind, name: id.slice(dot + 1) }) : undefined;
}

function parseAssignment(text: string, file: string, reference: AppModel): Assignment {
  let doc: unknown;
  try {
    doc = parse(text, { maxAliasCount: 50 });
  } catch (e) {
    throw new InputError(`the assignment is not valid YAML: ${(e as Error).message}`, { file });
  }
  if (!doc || typeof doc !== 'object' || Array.isArray(doc))
    throw new InputError(
      'the assignment must be a mapping with `required` (and optional `optional`, `weights`)',
      {
        file,
      },
    );
  const o = doc as Record<string, unknown>;
  const list = (field: string): string[] => {
    const v = o[field];
    if (v === undefined || v === null) return [];
    if (!Array.isArray(v) || v.some((x) => typeof x !== 'string'))
      throw new InputError(`\`${field}\` must be a list of component ids such as modules.getMovie`, { file });
    return v.map((id: string) => {
      const key = componentKey(id);
      if (!key || !referenceComponent(reference, key))
        throw new InputError(`\`${field}\` names "${id}", which the reference does not have`, { file });
      return key;
    });
  };
  const required = list('required');
  if (required.length === 0)
    throw new InputError('the assignment requires no component (`required` is empty)', { file });
  const weights: Record<string, number> = {};
  if (o.weights !== undefined) {
    if (!o.weights || typeof o.weights !== 'object' || Array.isArray(o.weights))
      throw new InputError('`weights` must map component ids to numbers', { file });
    for (const [id, w] of Object.entries(o.weights)) {
      const key = componentKey(id);
      if (!key || typeof w !== 'number' || !(w >= 0))
        throw new InputError(`\`weights.${id}\` must be a component id with a number ≥ 0`, { file });
      weights[key] = w;
    }
  }
  return {
    name: typeof o.name === 'string' ? o.name : file,
    file,
    required,
    optional: list('optional').filter((id) => !required.includes(id)),
    weights,
  };
}

export function loadAssignment(file: string, reference: AppModel): Assignment {
  return parseAssignment(readFileSync(file, 'utf8'), file, reference);
}

function referenceComponent(app: AppModel, key: string): Component | undefined {
  const [kinds, ...rest] = key.split('.');
  const byName = app.components[kinds.replace(/s$/, '') as ComponentKind];
  const name = rest.join('.');
  return byName && Object.hasOwn(byName, name) ? byName[name] : undefined;
}

/** The reference with only the assignment's components (required and optional); general code stays. */
export function restrictReference(reference: AppModel, a: Assignment): AppModel {
  const keep = new Set([...a.required, ...a.optional]);
  // what the kept components run on comes along (their connection, an instant trigger's webhook)
  for (const key of [...keep]) {
    const c = referenceComponent(reference, key);
    if (c?.connection) keep.add(`connections.${c.connection}`);
    if (c?.webhook) keep.add(`webhooks.${c.webhook}`);
  }
  const components = Object.fromEntries(
    COMPONENT_KINDS.map((kind) => [
      kind,
      Object.fromEntries(
        Object.entries(reference.components[kind]).filter(([name]) => keep.has(componentId({ kind, name }))),
      ),
    ]),
  ) as AppModel['components'];
  return { ...reference, components };
}

/** The rubric for grading against an assignment: its weights, and extra components not penalised. */
export function assignmentRubric(base: Rubric, assignment: Assignment | undefined): Rubric {
  if (!assignment) return base;
  return {
    ...base,
    componentWeights: { ...base.componentWeights, ...assignment.weights },
    // an assignment asks for some components: the others a student wrote are reported, not penalised
    penaliseExtras: false,
  };
}
