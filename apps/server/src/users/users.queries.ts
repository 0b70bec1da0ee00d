import { asc } from 'drizzle-orm';
import type { UserSummary } from '@parley/shared';
import type { Database } from '../db/client.js';
import { users } from '../db/schema/index.js';

/** Every confirmed user (pending registrations live elsewhere, so all rows qualify). */
export async function allUsers(db: Database): Promise<UserSummary[]> {
  return db.orm
    .select({ user_id: users.id, first_name: users.firstName, last_name: users.lastName })
    .from(users)
    .orderBy(asc(users.id));
}
