import type { ValueAnalysis } from '../../iml/index.ts';
import type { CodeFile, Component } from '../../model/index.ts';
import { memoByValue } from '../memo-by-value.ts';
import { type RequestInfo, requestsOf } from './requests.ts';
import { type ImlString, placeStrings, rebindString } from './strings.ts';

/** The requests of one code document of a component, and its IML strings placed among them. */
export interface PlacedCode {
  component: Component | undefined;
  code: CodeFile;
  requests: RequestInfo[];
  strings: ImlString[];
}

const placedMemo = memoByValue<PlacedCode>();

/**
 * Requests and placed strings of a code document, computed once per parsed value and everything
 * else they depend on (the component's kind and types, its id, the code type, the inherited
 * pagination and iteration). Every load gets copies that point at its own component and document
 * objects, so rules see only current objects.
 */
export function placeCode(
  component: Component | undefined,
  componentId: string,
  code: CodeFile,
  section: string | undefined,
  paginatedBase: boolean,
  inherited: { iterate: boolean; pagination: boolean } | undefined,
  /** The IML of the document (strings, and bare expressions of its requests). */
  analysesOf: (component: Component | undefined, code: CodeFile, requests: RequestInfo[]) => ValueAnalysis[],
): PlacedCode {
  const key = [
    component?.kind,
    component?.moduleType,
    component?.connectionType,
    componentId,
    code.codeType,
    section,
    paginatedBase,
    inherited?.iterate,
    inherited?.pagination,
  ].join('\u0000');
  const placed = placedMemo(code.value, key, () => {
    const requests = requestsOf(component, componentId, code, section);
    const strings = placeStrings(
      component,
      componentId,
      code,
      analysesOf(component, code, requests),
      requests,
      paginatedBase,
      inherited,
    );
    // kept without this load's objects: an old component would keep an old manifest alive
    return rebind({ component, code, requests, strings }, undefined, DETACHED);
  });
  return rebind(placed, component, code);
}

/** Stands for the code document in what is kept between loads. */
const DETACHED: CodeFile = Object.freeze({
  codeType: 'common',
  file: '',
  basePointer: '',
  text: '',
  value: undefined,
  locate: (pointer: string) => ({ file: '', line: 1, column: 1, pointer }),
});

function rebind(placed: PlacedCode, component: Component | undefined, code: CodeFile): PlacedCode {
  const requests = new Map<RequestInfo, RequestInfo>();
  for (const r of placed.requests) requests.set(r, { ...r, component, code });
  const strings = placed.strings.map((s) =>
    rebindString(s, component, code, s.request && requests.get(s.request)),
  );
  return { component, code, requests: [...requests.values()], strings };
}
