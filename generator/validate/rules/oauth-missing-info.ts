import { missingSection } from './missing-section-factory.ts';

export const oauthMissingInfo = missingSection(
  'info',
  'add one that calls the API\'s "who am I" endpoint and sets response.metadata and response.uid.',
  "The `info` section runs after `token` and whenever the connection is verified; it is where `response.metadata` labels the connection with the account's name or e-mail and `response.uid` identifies it (needed by shared webhooks). Without it the connection is never checked and shows no account name.",
);
