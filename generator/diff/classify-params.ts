import { type Classified, c } from './classified-change.ts';
import type { RawDiff } from './compare-tree.ts';
import { show } from './explain.ts';

/** Parameter lists (static, mappable, connection) and interfaces, keyed by name after normalising. */
export function classifyParam(path: string[], d: RawDiff, noun: string): Classified {
  if (path[0] === 'order')
    return c(
      'D-PARAM-ORDER',
      'cosmetic',
      `The ${noun}s are listed in another order; only the form layout changes.`,
    );
  const fi = path.lastIndexOf('fields');
  const name = path[fi + 1];
  const tail = path.slice(fi + 2);
  const where =
    fi > 0
      ? ` (inside \`${path
          .slice(0, fi)
          .filter((s) => s !== 'fields' && s !== 'spec' && s !== 'nested')
          .join('.')}\`)`
      : '';
  const refParam = d.ref.value as Record<string, unknown> | undefined;
  const theirsParam = d.theirs.value as Record<string, unknown> | undefined;
  if (tail.length === 0) {
    if (!d.theirs.present) {
      const required = refParam?.required === true;
      if (noun === 'output field')
        return c(
          'D-OUTPUT-FIELD-MISSING',
          'breaking',
          `The output field \`${name}\`${where} is missing from your interface: later modules in a scenario cannot map it.`,
          `Add \`${name}\` to the interface.`,
        );
      return c(
        'D-PARAM-MISSING',
        required ? 'breaking' : 'behavioural',
        `The ${required ? 'required ' : ''}parameter \`${name}\`${where} is missing: users cannot fill it in, so the request never carries it${required ? ' and the API rejects or misreads the call' : ''}.`,
        `Add the parameter \`${name}\`${required ? ' with `required: true`' : ''}.`,
      );
    }
    if (noun === 'output field')
      return c(
        'D-OUTPUT-FIELD-ADDED',
        'cosmetic',
        `Your interface has an extra output field \`${name}\`${where}.`,
      );
    const required = theirsParam?.required === true;
    return c(
      'D-PARAM-ADDED',
      required ? 'behavioural' : 'cosmetic',
      `You have an extra ${required ? 'required ' : ''}parameter \`${name}\`${where} that the reference does not ask for.`,
    );
  }
  const attr = tail[0];
  const r = show(d.ref.value);
  const t = show(d.theirs.value);
  switch (attr) {
    case 'required':
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
    case 'type':
      return c(
        'D-PARAM-TYPE-CHANGED',
        'breaking',
        `\`${name}\`${where} has type ${t} where the reference has ${r}: values are validated and converted differently.`,
        `Use type ${r} for \`${name}\`.`,
      );
    case 'label':
    case 'help':
    case 'advanced':
    case 'labels':
      return c(
        'D-PARAM-LABEL-CHANGED',
        'cosmetic',
        `The ${attr} of \`${name}\`${where} differs: reference ${r}, yours ${t}.`,
      );
    case 'default':
      return c(
        'D-PARAM-DEFAULT-CHANGED',
        'behavioural',
        `The default of \`${name}\`${where} differs: reference ${r}, yours ${t}; an untouched field sends another value.`,
      );
    case 'options':
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
    case 'multiple':
      return c(
        'D-PARAM-TYPE-CHANGED',
        'breaking',
        `\`${name}\`${where} ${d.theirs.value ? 'accepts several values' : 'accepts one value'} where the reference ${d.ref.value ? 'accepts several' : 'accepts one'}: the value changes shape (array vs single).`,
      );
    case 'name':
      return c(
        'D-PARAM-RENAMED',
        'breaking',
        `The parameter is named ${t} where the reference uses ${r}; references to it break.`,
      );
    default:
      return c(
        'D-PARAM-CHANGED',
        'behavioural',
        `\`${[name, ...tail].join('.')}\`${where} differs: reference ${r}, yours ${t}.`,
      );
  }
}
