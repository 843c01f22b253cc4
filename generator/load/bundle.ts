import type { AppModel } from '../model/app.ts';
import type { LoadContext } from './context.ts';
import type { JsonDocument } from './json-document.ts';
export function loadBundle(_ctx: LoadContext, _doc: JsonDocument, _file: string): AppModel { throw new Error('todo'); }
