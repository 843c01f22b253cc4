/**
 * Documented examples that the engine once got wrong, each with the page that documents it.
 * Restated in our own words; the expected values are the pages' (or the cited RFC's) results.
 */
import type { ImlCase } from './case.ts';

const ARRAY_FUNCTIONS = 'https://help.make.com/array-functions';
const TYPE_COERCION = 'https://help.make.com/type-coercion';
const OAUTH2_PKCE =
  'https://developers.make.com/custom-apps-documentation/app-components/connections/oauth2.md';

const contacts = [{ name: 'Zoe' }, { name: 'adam' }, { name: 'Mia' }];
const emails = [{ sender: { name: 'Mia' } }, { sender: { name: 'Ann' } }, { sender: { name: 'Lee' } }];

export const DOCUMENTED_PAGE_CASES: ImlCase[] = [
  // sort(array; key): a second argument that is not an order is the key
  {
    t: '{{map(sort(Contacts; "name"); "name")}}',
    ctx: { Contacts: contacts },
    want: ['Mia', 'Zoe', 'adam'],
    note: ARRAY_FUNCTIONS,
  },
  {
    t: '{{map(sort(Emails; "sender.name"); "sender.name")}}',
    ctx: { Emails: emails },
    want: ['Ann', 'Lee', 'Mia'],
    note: ARRAY_FUNCTIONS,
  },
  {
    t: '{{map(sort(Contacts; "asc ci"; "name"); "name")}}',
    ctx: { Contacts: contacts },
    want: ['adam', 'Mia', 'Zoe'],
    note: ARRAY_FUNCTIONS,
  },
  {
    t: '{{map(sort(Contacts; "desc"; "name"); "name")}}',
    ctx: { Contacts: contacts },
    want: ['adam', 'Zoe', 'Mia'],
    note: ARRAY_FUNCTIONS,
  },
  // text → date: the day-first dotted forms the type-coercion page lists
  { t: '{{formatDate("20.6.2016"; "YYYY-MM-DD")}}', want: '2016-06-20', note: TYPE_COERCION },
  {
    t: '{{formatDate("20.6.2016 17:26:44"; "YYYY-MM-DDTHH:mm:ss")}}',
    want: '2016-06-20T17:26:44',
    note: TYPE_COERCION,
  },
  {
    t: '{{formatDate("20.6.2016 19:26:44+02:00"; "YYYY-MM-DDTHH:mm:ssZ")}}',
    want: '2016-06-20T17:26:44+00:00',
    note: TYPE_COERCION,
  },
  // PKCE: the code_challenge of RFC 7636 appendix B's verifier
  {
    t: '{{base64url(sha256(code_verifier; "base64"))}}',
    ctx: { code_verifier: 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk' },
    want: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
    note: OAUTH2_PKCE,
  },
  { t: '{{base64url("Make")}}', want: 'TWFrZQ', note: `${OAUTH2_PKCE} (text that is not Base64 is encoded)` },
];
