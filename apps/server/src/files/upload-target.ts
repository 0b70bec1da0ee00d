import { isReachableId, ParleyError, parseOrThrow, uploadQuerySchema } from '@parley/shared';
import { eq } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { users } from '../db/schema/index.js';
import { findGroup, isMember } from '../groups/groups.queries.js';
import type { FileTarget } from './files.queries.js';

/**
 * Where an upload goes, checked as a send there would be: the room with a confirmed user other
 * than oneself, or a group one is a member of.
 */
export async function uploadTarget(db: Database, userId: number, query: unknown): Promise<FileTarget> {
  const given = query as Record<string, unknown>;
  if ('other_user_id' in given && 'chat_group_id' in given) {
    throw new ParleyError('invalid_input', 'Name other_user_id or chat_group_id, not both.', { fields: { chat_group_id: 'not with other_user_id' } });
  }
  const parsed = parseOrThrow(uploadQuerySchema, query);
  if ('other_user_id' in parsed) {
    const peerId = parsed.other_user_id;
    if (peerId === userId) throw new ParleyError('invalid_input', 'You cannot send files to yourself.', { fields: { other_user_id: 'is you' } });
    if (!isReachableId(peerId)) throw new ParleyError('not_found', 'There is no such user.');
    const [peer] = await db.orm.select({ id: users.id }).from(users).where(eq(users.id, peerId)).limit(1);
    if (!peer) throw new ParleyError('not_found', 'There is no such user.');
    return { peerId };
  }
  const groupId = parsed.chat_group_id;
  if (!isReachableId(groupId) || !(await findGroup(db, groupId))) throw new ParleyError('not_found', 'There is no such group.');
  if (!(await isMember(db, groupId, userId))) throw new ParleyError('forbidden', 'Only members can send files to this group. Open it first to join.');
  return { groupId };
}
