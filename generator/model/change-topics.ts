/**
 * What a structural change or a lint finding is about. A lint rule declares the topics its
 * findings explain (`Rule.explains`), each change code declares its topics (`diff/codes.ts`), and
 * the differ links a finding to a change when they share a topic and sit at the same place.
 */
export const CHANGE_TOPICS = [
  'expiry',
  'refresh',
  'scope',
  'reference',
  'parameter',
  'pagination',
  'sanitize',
  'request-field',
  'url',
  'section-missing',
] as const;

export type ChangeTopic = (typeof CHANGE_TOPICS)[number];
