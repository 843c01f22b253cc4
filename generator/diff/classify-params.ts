import { type Classified, c } from './classified-change.ts';
import type { RawDiff } from './compare-tree.ts';
import { show } from './explain.ts';
import { ownValue } from './own-key.ts';

/** Parameter lists (static, mappable, connection) and interfaces, keyed by name after normalising. */
export function classifyParam(path: string[], d: RawDiff, noun: string): Classified {
  if (path[0] === 'order')
    return c(
      'D-PARAM-ORDER',
      'cosmetic',
      `The ${noun}s are listed in another order; only the form layout changes.`,
    );
  const place = paramPlace(path);
  if (place.tail.length === 0)
    return d.theirs.present ? paramAdded(d, noun, place) : paramMissing(d, noun, place);
  const attr = place.tail[0];
  const build = ownValue(ATTRIBUTE_CHANGED, attr) ?? otherAttributeChanged;
  return build({ ...place, attr, d, r: show(d.ref.value), t: show(d.theirs.value) });
}

/** Which parameter a path names, and how messages say where it sits (nested parameters). */
interface ParamPlace {
  name: string;
  /** The path inside the parameter: `[]` for the parameter as a whole, `['label']`, `['options', 1, 'label']`. */
  tail: string[];
  /** ` (inside \`parent.child\`)` for a nested parameter, else empty. */
  where: string;
}

function paramPlace(path: string[]): ParamPlace {
  const fi = path.lastIndexOf('fields');
  const where =
    fi > 0
      ? ` (inside \`${path
          .slice(0, fi)
          .filter((s) => s !== 'fields' && s !== 'spec' && s !== 'nested')
          .join('.')}\`)`
      : '';
  return { name: path[fi + 1], tail: path.slice(fi + 2), where };
}

/** A parameter (or output field) of the reference that the student's list lacks. */
function paramMissing(d: RawDiff, noun: string, { name, where }: ParamPlace): Classified {
  if (noun === 'output field')
    return c(
      'D-OUTPUT-FIELD-MISSING',
      'breaking',
      `The output field \`${name}\`${where} is missing from your interface: later modules in a scenario cannot map it.`,
      `Add \`${name}\` to the interface.`,
    );
  const required = (d.ref.value as Record<string, unknown> | undefined)?.required === true;
  return c(
    'D-PARAM-MISSING',
    required ? 'breaking' : 'behavioural',
    `The ${required ? 'required ' : ''}parameter \`${name}\`${where} is missing: users cannot fill it in, so the request never carries it${required ? ' and the API rejects or misreads the call' : ''}.`,
    `Add the parameter \`${name}\`${required ? ' with `required: true`' : ''}.`,
  );
}

/** A parameter (or output field) the student has and the reference does not. */
function paramAdded(d: RawDiff, noun: string, { name, where }: ParamPlace): Classified {
  if (noun === 'output field')
    return c(
      'D-OUTPUT-FIELD-ADDED',
      'cosmetic',
      `Your interface has an extra output field \`${name}\`${where}.`,
    );
  const required = (d.theirs.value as Record<string, unknown> | undefined)?.required === true;
  return c(
    'D-PARAM-ADDED',
    required ? 'behavioural' : 'cosmetic',
    `You have an extra ${required ? 'required ' : ''}parameter \`${name}\`${where} that the reference does not ask for.`,
  );
}

/** One attribute of a parameter both sides have, with both values shown for messages. */
interface AttributeDiff extends ParamPlace {
  attr: string;
  d: RawDiff;
  r: string;
  t: string;
}

type AttributeClassifier = (a: AttributeDiff) => Classified;

/** Only what people read: the same message for each of these attributes. */
const labelChanged: AttributeClassifier = ({ attr, name, where, r, t }) =>
  c(
    'D-PARAM-LABEL-CHANGED',
    'cosmetic',
    `The ${attr} of \`${name}\`${where} differs: reference ${r}, yours ${t}.`,
  );

/** The classifier for each attribute of a parameter; attributes not listed fall to `otherAttributeChanged`. */
const ATTRIBUTE_CHANGED: Record<string, AttributeClassifier> = {
  required: requiredChanged,
  type: ({ name, where, r, t }) =>
    c(
      'D-PARAM-TYPE-CHANGED',
      'breaking',
      `\`${name}\`${where} has type ${t} where the reference has ${r}: values are validated and converted differently.`,
      `Use type ${r} for \`${name}\`.`,
    ),
  label: labelChanged,
  help: labelChanged,
  advanced: labelChanged,
  labels: labelChanged,
  default: ({ name, where, r, t }) =>
    c(
      'D-PARAM-DEFAULT-CHANGED',
      'behavioural',
      `The default of \`${name}\`${where} differs: reference ${r}, yours ${t}; an untouched field sends another value.`,
    ),
  options: optionsChanged,
  multiple: ({ name, where, d }) =>
    c(
      'D-PARAM-TYPE-CHANGED',
      'breaking',
      `\`${name}\`${where} ${d.theirs.value ? 'accepts several values' : 'accepts one value'} where the reference ${d.ref.value ? 'accepts several' : 'accepts one'}: the value changes shape (array vs single).`,
    ),
  name: ({ r, t }) =>
    c(
      'D-PARAM-RENAMED',
      'breaking',
      `The parameter is named ${t} where the reference uses ${r}; references to it break.`,
    ),
};

function requiredChanged({ name, where, d }: AttributeDiff): Classified {
  if (d.ref.value === true)
    return c(
      'D-PARAM-REQUIRED-DROPPED',
      'behavioural',
      `\`${name}\`${where} is required in the reference but optional in yours: a scenario can run without it and the API then rejects the call or stores an incomplete record.`,
      `Mark \`${name}\` as \`required: true\`.`,
    );
  return c(
    'D-PARAM-REQUIRED-ADDED',
    'breaking',
    `\`${name}\`${where} is optional in the reference but required in yours: scenarios that leave it empty stop working.`,
    `Make \`${name}\` optional.`,
  );
}

/** The choices of a select: only a choice's label is cosmetic; other differences change what is sent. */
function optionsChanged({ tail, name, where, r, t }: AttributeDiff): Classified {
  if (tail.length >= 3 && tail[2] === 'label')
    return c(
      'D-PARAM-LABEL-CHANGED',
      'cosmetic',
      `The label of choice ${Number(tail[1]) + 1} of \`${name}\`${where} differs: reference ${r}, yours ${t}.`,
    );
  return c(
    'D-PARAM-OPTIONS-CHANGED',
    'behavioural',
    `The choices of \`${name}\`${where} differ: reference ${r}, yours ${t}.`,
  );
}

function otherAttributeChanged({ name, tail, where, r, t }: AttributeDiff): Classified {
  return c(
    'D-PARAM-CHANGED',
    'behavioural',
    `\`${[name, ...tail].join('.')}\`${where} differs: reference ${r}, yours ${t}.`,
  );
}
