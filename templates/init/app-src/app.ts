/** The app: the entry `make-app build` reads (its default export). */
import { defineApp } from 'make-app-toolkit/authoring';
import { base } from './base.ts';
import { api } from './connection.ts';
import { getMyAccount } from './modules/get-my-account.ts';

export default defineApp({
  name: '__NAME__',
  label: '__LABEL__',
  version: 1,
  description: 'A Make custom app built with make-app-toolkit.',
  theme: '#6d00cc',
  language: 'en',
  audience: 'global',
  base,
  connections: [api],
  modules: [getMyAccount],
  groups: [{ label: 'Account', modules: [getMyAccount] }],
});
