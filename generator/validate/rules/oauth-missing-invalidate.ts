import { missingSection } from './missing-section-factory.ts';

export const oauthMissingInvalidate = missingSection(
  'invalidate',
  "add one that revokes the token so deleting the connection ends the app's access.",
  'When a user deletes a connection, Make runs `invalidate` so the API revokes the token. Without it the access and refresh tokens stay valid at the provider after the user removed the connection (the App Academy API offers `GET /invalidate`).',
);
