import type { SelfUser, UserSummary, UserWithPresence } from '@parley/shared';

/** A user row's columns, as the queries select them. */
interface UserRow {
  id: number;
  firstName: string;
  lastName: string;
}

export function toUserSummary(user: UserRow): UserSummary {
  return { user_id: user.id, first_name: user.firstName, last_name: user.lastName };
}

export function toUserWithPresence(user: UserRow, online: boolean): UserWithPresence {
  return { ...toUserSummary(user), online };
}

export function toSelfUser(user: UserRow & { email: string }): SelfUser {
  return { ...toUserSummary(user), email: user.email };
}

/** What others may see of a user: the summary's fields only (a signed-in user's email stays out). */
export function publicSummary(user: UserSummary): UserSummary {
  return { user_id: user.user_id, first_name: user.first_name, last_name: user.last_name };
}
