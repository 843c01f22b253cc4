import type { AppModel } from '../model/app.ts';
import type { LoadContext } from './context.ts';
export function loadLoose(_ctx: LoadContext): AppModel { throw new Error('todo'); }
