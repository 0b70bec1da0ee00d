import { ParleyError, type Attachment } from '@parley/shared';
import type { Database } from '../db/client.js';
import { findByClientId } from '../messages/messages.queries.js';
import { filesByIds, toAttachment, type FileTarget } from './files.queries.js';

/**
 * The files a send names, as the message will carry them, in the order named. Each must be the
 * sender's own upload for this very conversation and not yet shown in a message (but a retry of
 * the message that showed it, same `client_id`, passes: it answers with that message).
 */
export async function attachmentsForSend(
  db: Database,
  senderId: number,
  target: FileTarget,
  ids: string[] | undefined,
  clientId: string | undefined,
): Promise<Attachment[] | undefined> {
  if (!ids || ids.length === 0) return undefined;
  const rows = new Map((await filesByIds(db, ids)).map((row) => [row.id, row]));
  let retryOf: number | null | undefined;
  const attachments: Attachment[] = [];
  for (const id of ids) {
    const row = rows.get(id);
    const here = row && (target.peerId !== undefined ? row.peerId === target.peerId : row.groupId === target.groupId);
    if (!row || row.uploaderId !== senderId || !here) {
      throw new ParleyError('not_found', 'There is no such file to send here.', { fields: { attachments: `${id} is not your upload for this conversation` } });
    }
    if (row.messageId !== null) {
      retryOf ??= clientId ? ((await findByClientId(db, senderId, clientId))?.id ?? null) : null;
      if (retryOf !== row.messageId) throw new ParleyError('conflict', 'This file was already sent in another message.', { fields: { attachments: `${id} was sent already` } });
    }
    attachments.push(toAttachment(row));
  }
  return attachments;
}
