import type { AppModel } from '../model/app.ts';
import type { LoadContext } from './context.ts';
export function loadImljsonExport(_ctx: LoadContext): AppModel { throw new Error('todo'); }
