/**
 * Parameter definitions (§9 of make-iml.md) and the type-level map from a parameter list to the
 * references a component may use (`parameters.<name>`).
 */
import type { ParameterType } from '../../model/index.ts';
import type { AnyRef, Ref } from './iml.ts';

/** The documented parameter types (§9.3), from the model's list. */
export type { ParameterType } from '../../model/index.ts';

/** `rpc://name` (dynamic fields or options) — build it with `rpcUrl(...)` to have it checked. */
export type RpcUrl = `rpc://${string}`;

export interface SelectOption {
  label: string;
  value: string | number | boolean | Record<string, unknown>;
  description?: string;
  default?: boolean;
  nested?: ParameterList | RpcUrl | string;
  short?: string;
}

export interface OptionsObject {
  store:
    | RpcUrl
    | string
    | readonly SelectOption[]
    | readonly { label: string; options: readonly SelectOption[] }[];
  label?: string;
  value?: string;
  default?: string;
  placeholder?: string | { label: string; nested?: ParameterList | string };
  nested?: ParameterList | string;
  ids?: boolean;
  showRoot?: boolean;
  singleLevel?: boolean;
  learning?: boolean;
}

/** Fields of one parameter object (Make's schema: additionalProperties false, only `type` required). */
export interface Parameter {
  name?: string;
  type: ParameterType;
  label?: string;
  help?: string;
  required?: boolean;
  advanced?: boolean;
  default?: unknown;
  semantic?: string;
  grouped?: boolean;
  dynamic?: boolean;
  multiline?: boolean;
  multiple?: boolean;
  sort?: 'text' | 'number';
  sequence?: boolean;
  schema?: Record<string, unknown>;
  tags?: 'strip' | 'stripall' | 'escape';
  coder?: boolean;
  visible?: string;
  editable?: boolean | { enabled: boolean; help?: string };
  mappable?: boolean | { help: string };
  time?: boolean;
  rpc?: { url: RpcUrl | string; label: string; parameters?: ParameterList };
  mode?: 'edit' | 'choose';
  labels?: Record<string, string>;
  metadata?: Record<string, unknown>;
  spec?: Parameter | ParameterList;
  codepage?: string;
  pattern?: string;
  nested?: ParameterList | RpcUrl | string | { store: ParameterList | RpcUrl | string; domain?: string };
  options?:
    | readonly SelectOption[]
    | readonly { label: string; options: readonly SelectOption[] }[]
    | RpcUrl
    | string
    | OptionsObject;
  extension?: string | readonly string[];
  validate?:
    | boolean
    | {
        min?: number;
        max?: number;
        minItems?: number;
        maxItems?: number;
        pattern?: string;
        enum?: readonly unknown[];
      };
  title?: string;
  text?: string;
  closable?: boolean;
  theme?: 'light' | 'dark';
  badge?: string;
  convert?: Record<string, unknown>;
}

/** A parameter list; a string item inserts dynamic fields from an RPC at that place. */
export type ParameterList = readonly (Parameter | RpcUrl)[];

type NamedOf<P> = P extends { name: infer N extends string } ? N : never;

/** The reference type one parameter offers: collections expose their declared fields. */
export type ParamRef<X> = X extends { type: 'collection'; spec: infer S extends ParameterList }
  ? Ref & ParamRefs<S> & DynamicFields<S>
  : Ref;

/** A spec with an `rpc://` item has fields only known at run time: allow any child then. */
type DynamicFields<S extends ParameterList> =
  Extract<S[number], string> extends never ? unknown : { readonly [key: string]: AnyRef };

/** Select options with nested fields add those fields to the parameter map (as Make does). */
type NestedOfOptions<X> = X extends { options: infer O }
  ? O extends readonly (infer I)[]
    ? I extends { nested: infer N extends ParameterList }
      ? N[number]
      : never
    : never
  : never;

type NestedOf<X> =
  | (X extends { nested: infer N extends ParameterList } ? N[number] : never)
  | NestedOfOptions<X>;

/** Every parameter a list declares, including nested fields (they appear at the same level). */
type Flatten<P extends ParameterList> =
  | Exclude<P[number], string>
  | FlattenNested<Exclude<P[number], string>>;
type FlattenNested<X> = X extends unknown
  ? NestedOf<X> extends infer N
    ? [N] extends [never]
      ? never
      : Exclude<N, string> | FlattenNested<Exclude<N, string>>
    : never
  : never;

/** `parameters.<name>` references typed from a parameter list (top-level and nested fields). */
export type ParamRefs<P extends ParameterList> = {
  readonly [X in Flatten<P> as NamedOf<X>]: ParamRef<X>;
} & (Extract<P[number], string> extends never ? unknown : { readonly [key: string]: AnyRef });
