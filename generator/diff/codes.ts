/**
 * Every change code the differ emits, with what it means. Codes are stable: tools and graders may
 * key on them. The class of some codes depends on the case (a missing *required* parameter is
 * breaking, a missing optional one behavioural); `classes` lists the possible ones.
 */
import type { ChangeTopic } from '../model/index.ts';

export const CHANGE_CODES: Record<
  string,
  {
    classes: string;
    summary: string;
    /** What the change is about; a lint finding whose rule explains one of these topics may explain it. */
    topics?: readonly ChangeTopic[];
  }
> = {
  'D-COMPONENT-MISSING': {
    classes: 'breaking',
    summary: 'A reference component has no counterpart, by name or by what it does.',
  },
  'D-COMPONENT-EXTRA': {
    classes: 'cosmetic',
    summary: 'The student has a component the reference does not.',
  },
  'D-COMPONENT-RENAMED': {
    classes: 'cosmetic',
    summary: 'Paired by method, path and parameters although the names differ.',
  },
  'D-WRITTEN-DIFFERENTLY': {
    classes: 'equivalent',
    summary:
      'A code file differs in text but not once normalised (IML spacing, defaults, key order, one request vs a list of one).',
  },
  'D-LABEL-CHANGED': { classes: 'cosmetic', summary: 'Label or description of a component.' },
  'D-MODULE-TYPE-CHANGED': { classes: 'breaking', summary: 'Module type (action, search, trigger...).' },
  'D-CONNECTION-LINK-CHANGED': { classes: 'breaking', summary: 'The connection a module uses.' },
  'D-WEBHOOK-LINK-CHANGED': { classes: 'breaking', summary: 'The webhook an instant trigger listens on.' },
  'D-CRUD-CHANGED': { classes: 'cosmetic', summary: "An action's CRUD tag." },
  'D-META-CHANGED': { classes: 'behavioural', summary: 'Other component metadata.' },
  'D-PARAM-MISSING': {
    classes: 'breaking|behavioural',
    summary: 'A parameter is missing (breaking when the reference requires it).',
    topics: ['parameter'],
  },
  'D-PARAM-ADDED': {
    classes: 'behavioural|cosmetic',
    summary: 'An extra parameter (behavioural when required).',
    topics: ['parameter'],
  },
  'D-PARAM-REQUIRED-DROPPED': {
    classes: 'behavioural',
    summary: 'A required parameter became optional.',
    topics: ['parameter'],
  },
  'D-PARAM-REQUIRED-ADDED': {
    classes: 'breaking',
    summary: 'An optional parameter became required.',
    topics: ['parameter'],
  },
  'D-PARAM-TYPE-CHANGED': {
    classes: 'breaking',
    summary: 'Parameter type, or single vs multiple values.',
    topics: ['parameter'],
  },
  'D-PARAM-LABEL-CHANGED': {
    classes: 'cosmetic',
    summary: 'Parameter label, help, advanced flag or button labels.',
    topics: ['parameter'],
  },
  'D-PARAM-DEFAULT-CHANGED': {
    classes: 'behavioural',
    summary: 'Parameter default value.',
    topics: ['parameter'],
  },
  'D-PARAM-OPTIONS-CHANGED': {
    classes: 'behavioural',
    summary: 'Choices of a select.',
    topics: ['parameter'],
  },
  'D-PARAM-RENAMED': {
    classes: 'breaking',
    summary: 'Parameter name inside a nested list.',
    topics: ['parameter'],
  },
  'D-PARAM-CHANGED': {
    classes: 'behavioural',
    summary: 'Any other parameter attribute.',
    topics: ['parameter'],
  },
  'D-PARAM-ORDER': {
    classes: 'cosmetic',
    summary: 'Parameters listed in another order.',
    topics: ['parameter'],
  },
  'D-OUTPUT-FIELD-MISSING': {
    classes: 'breaking',
    summary: 'An interface (output) field is missing: later modules cannot map it.',
  },
  'D-OUTPUT-FIELD-ADDED': { classes: 'cosmetic', summary: 'An extra interface field.' },
  'D-SCOPE-MISSING': {
    classes: 'breaking',
    summary: 'A scope the reference asks for or declares is missing: the API answers 403.',
    topics: ['scope'],
  },
  'D-SCOPE-WRITTEN-ELSEWHERE': {
    classes: 'equivalent',
    summary: 'A scope moved between the default scope and the modules: the token gets the same scopes.',
    topics: ['scope'],
  },
  'D-SCOPE-ADDED': { classes: 'behavioural|cosmetic', summary: 'An extra scope.', topics: ['scope'] },
  'D-SCOPE-CHANGED': { classes: 'breaking', summary: 'A scope list that is not a list.', topics: ['scope'] },
  'D-SCOPE-LABEL-CHANGED': {
    classes: 'cosmetic',
    summary: 'Description of a scope in the scope list.',
    topics: ['scope'],
  },
  'D-COMMON-CHANGED': {
    classes: 'cosmetic',
    summary: "Common data (each developer's own client credentials, not exported).",
  },
  'D-SAMPLES-CHANGED': { classes: 'cosmetic', summary: 'Sample output.' },
  'D-DOCS-CHANGED': { classes: 'cosmetic', summary: 'README or groups.' },
  'D-FUNCTION-CHANGED': { classes: 'behavioural', summary: 'Custom IML function code or test.' },
  'D-REQUEST-COUNT-CHANGED': { classes: 'breaking', summary: 'Another number of chained requests.' },
  'D-SECTION-MISSING': {
    classes: 'breaking|behavioural',
    summary: 'A request section (token, refresh, info, invalidate, attach...) is missing.',
    topics: ['section-missing'],
  },
  'D-SECTION-UNREADABLE': {
    classes: 'breaking',
    summary: "A student's code file does not parse (the loader's syntax error is quoted).",
  },
  'D-SECTION-ADDED': { classes: 'behavioural', summary: 'An extra request section.' },
  'D-URL-CHANGED': { classes: 'breaking', summary: 'Request URL or base URL.', topics: ['url'] },
  'D-URL-MISSING': { classes: 'breaking', summary: 'A request without URL.', topics: ['url'] },
  'D-METHOD-CHANGED': { classes: 'breaking', summary: 'HTTP method.' },
  'D-HEADER-MISSING': {
    classes: 'breaking|behavioural',
    summary: 'A header is not sent (breaking for authorization).',
    topics: ['request-field'],
  },
  'D-HEADER-ADDED': { classes: 'behavioural', summary: 'An extra header.', topics: ['request-field'] },
  'D-HEADER-CHANGED': { classes: 'behavioural', summary: 'A header value.', topics: ['request-field'] },
  'D-QUERY-CHANGED': { classes: 'behavioural', summary: 'The query as a whole.', topics: ['request-field'] },
  'D-QUERY-FIELD-MISSING': {
    classes: 'breaking|behavioural',
    summary: 'A query parameter is not sent.',
    topics: ['request-field'],
  },
  'D-QUERY-FIELD-ADDED': {
    classes: 'behavioural',
    summary: 'An extra query parameter.',
    topics: ['request-field'],
  },
  'D-QUERY-FIELD-CHANGED': {
    classes: 'behavioural',
    summary: 'A query parameter value.',
    topics: ['request-field'],
  },
  'D-BODY-MISSING': {
    classes: 'breaking',
    summary: 'No body where the reference sends one.',
    topics: ['request-field'],
  },
  'D-BODY-CHANGED': { classes: 'behavioural', summary: 'The body as a whole.', topics: ['request-field'] },
  'D-BODY-FIELD-MISSING': {
    classes: 'breaking|behavioural',
    summary:
      'A body field is not sent (breaking in OAuth requests, for well-known fields like redirect_uri, or when bound to a required parameter).',
    topics: ['request-field'],
  },
  'D-BODY-FIELD-ADDED': {
    classes: 'behavioural',
    summary: 'An extra body field.',
    topics: ['request-field'],
  },
  'D-BODY-FIELD-CHANGED': {
    classes: 'behavioural',
    summary: 'A body field value.',
    topics: ['request-field'],
  },
  'D-BODY-TYPE-CHANGED': {
    classes: 'behavioural',
    summary: 'Body encoding (json, urlencoded, multipart...).',
    topics: ['request-field'],
  },
  'D-CONDITION-MISSING': {
    classes: 'behavioural',
    summary: 'A request runs always where the reference runs it conditionally.',
  },
  'D-REFRESH-CONDITION-MISSING': {
    classes: 'behavioural',
    summary: 'Refresh without condition: tokens rotate before every use.',
    topics: ['refresh'],
  },
  'D-CONDITION-ADDED': {
    classes: 'behavioural',
    summary: 'A request runs conditionally where the reference always runs it.',
  },
  'D-CONDITION-CHANGED': { classes: 'behavioural', summary: 'Another request condition.' },
  'D-STORED-DATA-MISSING': {
    classes: 'breaking',
    summary: 'The connection does not store a value the reference stores (`connection.<key>` is empty).',
  },
  'D-STORED-DATA-ADDED': { classes: 'cosmetic', summary: 'The connection stores an extra value.' },
  'D-STORED-DATA-CHANGED': {
    classes: 'behavioural',
    summary: 'A stored connection value is computed differently.',
  },
  'D-EXPIRY-UNIT': {
    classes: 'behavioural',
    summary: 'An expiry computed in another time unit (seconds instead of minutes).',
    topics: ['expiry'],
  },
  'D-TIME-UNIT-CHANGED': {
    classes: 'behavioural',
    summary: 'Any other time computation in another unit.',
    topics: ['expiry'],
  },
  'D-CONNECTION-EXPIRY-MISSING': {
    classes: 'behavioural',
    summary: 'No connection (refresh token) expiry.',
    topics: ['expiry'],
  },
  'D-CONNECTION-EXPIRY-CHANGED': {
    classes: 'behavioural',
    summary: 'Another connection expiry.',
    topics: ['expiry'],
  },
  'D-REFERENCE-TYPO': {
    classes: 'breaking',
    summary: 'An IML reference to something never stored (a misspelt `connection.accessToken`).',
    topics: ['reference'],
  },
  'D-REFERENCE-CHANGED': {
    classes: 'behavioural',
    summary: 'An IML reference to a similar but different name.',
    topics: ['reference'],
  },
  'D-OUTPUT-CHANGED': { classes: 'behavioural', summary: 'Response output or wrapper.' },
  'D-ITERATE-CHANGED': { classes: 'behavioural', summary: 'What the response iterates over.' },
  'D-LIMIT-CHANGED': { classes: 'behavioural', summary: 'Output limit.' },
  'D-ERROR-HANDLING-CHANGED': { classes: 'behavioural', summary: 'valid/error handling.' },
  'D-TRIGGER-CHANGED': { classes: 'behavioural', summary: 'Polling trigger bookkeeping (id, date, order).' },
  'D-RESPONSE-CHANGED': { classes: 'behavioural', summary: 'Any other response directive.' },
  'D-PAGINATION-MISSING': {
    classes: 'behavioural',
    summary: 'No pagination: only the first page.',
    topics: ['pagination'],
  },
  'D-PAGINATION-ADDED': {
    classes: 'behavioural',
    summary: 'Pagination where the reference has none.',
    topics: ['pagination'],
  },
  'D-PAGINATION-CONDITION-CHANGED': {
    classes: 'behavioural',
    summary: 'Another condition for fetching the next page.',
    topics: ['pagination'],
  },
  'D-PAGINATION-CHANGED': {
    classes: 'behavioural',
    summary: 'Other pagination settings.',
    topics: ['pagination'],
  },
  'D-SANITIZE-CHANGED': {
    classes: 'behavioural',
    summary: 'What is removed from logs (log.sanitize).',
    topics: ['sanitize'],
  },
  'D-TEMP-CHANGED': { classes: 'behavioural', summary: 'Values kept in temp.' },
  'D-REQUEST-OPTION-CHANGED': {
    classes: 'behavioural',
    summary: 'encodeUrl, followRedirects, followAllRedirects.',
  },
  'D-REQUEST-CHANGED': { classes: 'behavioural', summary: 'Any other request directive.' },
  'D-WEBHOOK-HANDLING-CHANGED': {
    classes: 'behavioural',
    summary: 'How incoming webhook calls become bundles.',
  },
  'D-VALUE-CHANGED': { classes: 'behavioural', summary: 'Anything else.' },
};
