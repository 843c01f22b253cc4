import type { AppUser, UserKey } from './types.ts';

/** The two accounts of the model; ids are fixed so runs and recordings compare across machines. */
export const APP_USERS: Readonly<Record<UserKey, AppUser>> = Object.freeze({
  john: Object.freeze({ key: 'john', id: '7a3f9c1e5b20', name: 'John Doe', email: 'john.doe@example.com' }),
  jane: Object.freeze({
    key: 'jane',
    id: 'c4e8d2b6a913',
    name: 'Jane Black',
    email: 'jane.black@example.com',
  }),
}) as Readonly<Record<UserKey, AppUser>>;

export function isUserKey(value: unknown): value is UserKey {
  return value === 'john' || value === 'jane';
}
