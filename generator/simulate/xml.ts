/**
 * XML response bodies the way Make exposes them (make-iml.md §4): every element becomes an array
 * (the root too); an element with attributes is `{ _attributes, _value }`; an element with child
 * elements is an object of arrays; a text-only element is its text. Iterative (no recursion), so
 * deep documents cannot overflow the stack; malformed XML is a DataError.
 */
import { getOwn, setOwn, unescapeMarkup } from '../model/index.ts';
import { MakeError } from './errors.ts';

interface Frame {
  name: string;
  attributes?: Record<string, string>;
  children: Record<string, unknown[]>;
  text: string;
  hasChildren: boolean;
}

function addChild(parent: Frame, name: string, value: unknown): void {
  const list = getOwn(parent.children, name) as unknown[] | undefined;
  if (list) list.push(value);
  else setOwn(parent.children, name, [value]);
}

function frameValue(f: Frame): unknown {
  const text = f.text.trim();
  if (!f.hasChildren && !f.attributes) return text;
  const out: Record<string, unknown> = f.hasChildren ? { ...f.children } : {};
  if (f.attributes) out._attributes = f.attributes;
  if (text !== '' || (f.attributes && !f.hasChildren)) out._value = text;
  return out;
}

/**
 * Attributes of a start tag. A name may only start after a space or a quote, so a long run with no
 * `=` is tried once, not again from each of its characters (a hostile body stays linear).
 */
function attrsOf(src: string): Record<string, string> | undefined {
  const out: Record<string, string> = {};
  let any = false;
  for (const m of src.matchAll(/(?<![^\s"'])([^\s=/"']+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    setOwn(out, m[1], unescapeMarkup(m[2] ?? m[3] ?? ''));
    any = true;
  }
  return any ? out : undefined;
}

/** Markup that holds no element: where its text starts and the marker that ends it. */
const SPECIAL: [open: string, close: string, keepText: boolean][] = [
  ['<![CDATA[', ']]>', true],
  ['<!--', '-->', false],
  ['<?', '?>', false],
  ['<!DOCTYPE', '>', false],
];

type Token =
  | { kind: 'text'; text: string; end: number }
  | { kind: 'close'; name: string; end: number }
  | { kind: 'open'; name: string; attributes?: Record<string, string>; selfClosing: boolean; end: number };

/** The token at `pos`, found with `indexOf` so that no input makes the scan quadratic. */
function tokenAt(text: string, pos: number): Token {
  const malformed = () => new MakeError('DataError', `Malformed XML near offset ${pos}`);
  if (text[pos] !== '<') {
    const lt = text.indexOf('<', pos);
    const end = lt < 0 ? text.length : lt;
    return { kind: 'text', text: unescapeMarkup(text.slice(pos, end)), end };
  }
  for (const [open, close, keepText] of SPECIAL)
    if (text.startsWith(open, pos)) {
      const at = text.indexOf(close, pos + open.length);
      if (at < 0) throw malformed();
      return {
        kind: 'text',
        text: keepText ? text.slice(pos + open.length, at) : '',
        end: at + close.length,
      };
    }
  const gt = text.indexOf('>', pos);
  if (gt < 0) throw malformed();
  const inner = text.slice(pos + 1, gt);
  const closing = /^\/\s*([^\s>]+)\s*$/.exec(inner);
  if (closing) return { kind: 'close', name: closing[1], end: gt + 1 };
  const opening = /^([^\s/>]+)([^>]*?)(\/?)$/.exec(inner);
  if (!opening) throw malformed();
  const attributes = attrsOf(opening[2]);
  return {
    kind: 'open',
    name: opening[1],
    selfClosing: opening[3] === '/',
    end: gt + 1,
    ...(attributes ? { attributes } : {}),
  };
}

export function parseXml(text: string): Record<string, unknown[]> {
  const root: Frame = { name: '#document', children: {}, text: '', hasChildren: false };
  const stack: Frame[] = [root];
  let pos = 0;
  while (pos < text.length) {
    const t = tokenAt(text, pos);
    pos = t.end;
    const top = stack[stack.length - 1];
    if (t.kind === 'text') top.text += t.text;
    else if (t.kind === 'close') {
      if (top.name !== t.name)
        throw new MakeError('DataError', `Malformed XML: </${t.name}> closes <${top.name}>`);
      stack.pop();
      const parent = stack[stack.length - 1];
      addChild(parent, top.name, frameValue(top));
      parent.hasChildren = true;
    } else {
      const frame: Frame = {
        name: t.name,
        children: {},
        text: '',
        hasChildren: false,
        ...(t.attributes ? { attributes: t.attributes } : {}),
      };
      if (t.selfClosing) {
        addChild(top, frame.name, frameValue(frame));
        top.hasChildren = true;
      } else stack.push(frame);
    }
  }
  if (stack.length !== 1)
    throw new MakeError('DataError', `Malformed XML: <${stack[stack.length - 1].name}> is never closed`);
  return root.children;
}
