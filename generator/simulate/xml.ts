/**
 * XML response bodies the way Make exposes them (make-iml.md §4): every element becomes an array
 * (the root too); an element with attributes is `{ _attributes, _value }`; an element with child
 * elements is an object of arrays; a text-only element is its text. Iterative (no recursion), so
 * deep documents cannot overflow the stack; malformed XML is a DataError.
 */
import { getOwn, setOwn } from '../model/index.ts';
import { decodeEntities } from './consent.ts';
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

function attrsOf(src: string): Record<string, string> | undefined {
  const out: Record<string, string> = {};
  let any = false;
  for (const m of src.matchAll(/([^\s=/]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    setOwn(out, m[1], decodeEntities(m[2] ?? m[3] ?? ''));
    any = true;
  }
  return any ? out : undefined;
}

export function parseXml(text: string): Record<string, unknown[]> {
  const root: Frame = { name: '#document', children: {}, text: '', hasChildren: false };
  const stack: Frame[] = [root];
  const re =
    /<!\[CDATA\[([\s\S]*?)\]\]>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!DOCTYPE[^>]*>|<\/\s*([^\s>]+)\s*>|<([^\s/>]+)([^>]*?)(\/?)>|([^<]+)/gy;
  let pos = 0;
  while (pos < text.length) {
    re.lastIndex = pos;
    const m = re.exec(text);
    if (!m) throw new MakeError('DataError', `Malformed XML near offset ${pos}`);
    pos = re.lastIndex;
    const top = stack[stack.length - 1];
    if (m[1] !== undefined) top.text += m[1];
    else if (m[2] !== undefined) {
      if (top.name !== m[2])
        throw new MakeError('DataError', `Malformed XML: </${m[2]}> closes <${top.name}>`);
      stack.pop();
      const parent = stack[stack.length - 1];
      addChild(parent, top.name, frameValue(top));
      parent.hasChildren = true;
    } else if (m[3] !== undefined) {
      const attributes = attrsOf(m[4]);
      const frame: Frame = {
        name: m[3],
        children: {},
        text: '',
        hasChildren: false,
        ...(attributes ? { attributes } : {}),
      };
      if (m[5] === '/') {
        addChild(top, frame.name, frameValue(frame));
        top.hasChildren = true;
      } else stack.push(frame);
    } else if (m[6] !== undefined) top.text += decodeEntities(m[6]);
  }
  if (stack.length !== 1)
    throw new MakeError('DataError', `Malformed XML: <${stack[stack.length - 1].name}> is never closed`);
  return root.children;
}
