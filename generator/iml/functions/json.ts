/** JSON functions and `errorFactory` (§11.6). */
import { isMakeErrorType } from '../../model/error-types.ts';
import { ImlEvalError, ImlRaisedError } from '../errors.ts';
import { toText } from '../runtime/values.ts';
import { type BuiltinFunction, fn } from './define.ts';

/** JSON.parse with object keys like `__proto__` kept as data, never as prototypes. */
function parseJson(t: string): unknown {
  try {
    return JSON.parse(t, function (key, value) {
      if (key === '__proto__')
        Object.defineProperty(this, key, { value, enumerable: true, writable: true, configurable: true });
      return value;
    });
  } catch (e) {
    throw new ImlEvalError(`parseJSON(): invalid JSON (${(e as Error).message})`);
  }
}

export const JSON_FUNCTIONS: BuiltinFunction[] = [
  fn('json', 'parseJSON', '(json: text): any', 'the value the JSON text describes', ([t]) =>
    parseJson(toText(t)),
  ),
  fn('json', 'createJSON', '(value: any): text', 'the value as JSON text (dates as ISO 8601)', ([v]) => {
    try {
      return JSON.stringify(v);
    } catch (e) {
      throw new ImlEvalError(`createJSON(): ${(e as Error).message}`);
    }
  }),
  fn(
    'general',
    'errorFactory',
    '(type: text, message: text): any',
    'fails the evaluation with a Make error type (DataError, RateLimitError, ...)',
    ([t, m]) => {
      const type = toText(t);
      if (!isMakeErrorType(type)) throw new ImlEvalError(`errorFactory(): unknown error type '${type}'`);
      throw new ImlRaisedError(type, toText(m));
    },
  ),
];
