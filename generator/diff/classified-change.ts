import { OAUTH2_SECTIONS } from '../model/index.ts';
import type { ChangeClass } from './types.ts';

export interface Classified {
  code: string;
  class: ChangeClass;
  message: string;
  fix?: string;
}

export interface ClassifyContext {
  /** `module`, `rpc`, `connection`, `webhook`, `function` or `general`. */
  kind: string;
  section: string;
  component: string;
  /** Keys the reference's / the student's connection stores (`response.data`), read as `connection.<key>`. */
  refStored: Set<string>;
  theirsStored: Set<string>;
  /** Names of parameters the reference component requires. */
  refRequired: Set<string>;
  /** Scopes the student's modules and webhooks declare: Make asks for them on top of the default scope. */
  theirsComponentScopes?: Set<string>;
}

export function c(code: string, cls: ChangeClass, message: string, fix?: string): Classified {
  return fix ? { code, class: cls, message, fix } : { code, class: cls, message };
}

export function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** OAuth2 connection sections (each one a request). */
export const OAUTH: ReadonlySet<string> = new Set(OAUTH2_SECTIONS);
