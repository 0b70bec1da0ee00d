import {
  ParleyError,
  socketEvents,
  type Attachment,
  socketRooms,
  type GroupChatMessage,
  type RoomChatMessage,
} from '@parley/shared';
import type { AppContext } from '../context.js';
import { describeError } from '../http/errors.js';
import { insertMessageBatch, type BatchResult, type MessageInsert } from './message-batch.queries.js';
import { firstUses } from './first-uses.js';
import { toChatMessage } from './message-shapes.js';
import { findByClientIds, type EarlierMessage } from './messages.queries.js';
import { createStagedWriteQueue, type Outcome } from './write-queue.js';
import { announceUnread } from '../notifications/unread-announcements.js';

export interface RoomWrite {
  roomId: number;
  receiverId: number;
  senderId: number;
  body: string;
  clientId: string | null;
  createdAt: Date;
  attachments?: Attachment[];
}

export interface GroupWrite {
  groupId: number;
  senderId: number;
  body: string;
  clientId: string | null;
  createdAt: Date;
  attachments?: Attachment[];
}

/** Room and group messages go through one queue: they share a table and its commits. */
export interface MessageWriter {
  room(write: RoomWrite): Promise<RoomChatMessage>;
  group(write: GroupWrite): Promise<GroupChatMessage>;
}

type Written = { kind: 'room'; message: RoomChatMessage } | { kind: 'group'; message: GroupChatMessage };

/** Enough for a desktop flushing a long queue; small enough that one statement stays quick. */
const maxBatch = 500;

/**
 * Two: the next batch waits in the database's queue while the last one commits, so the
 * database goes from one commit straight to the next. More would only wait there too.
 */
const batchesInFlight = 2;

const usedElsewhere = () => new ParleyError('conflict', 'This client_id was already used for another conversation.');

function toInsert(write: RoomWrite | GroupWrite): MessageInsert {
  const room = 'roomId' in write;
  return {
    roomId: room ? write.roomId : null,
    groupId: room ? null : write.groupId,
    senderId: write.senderId,
    body: write.body,
    clientId: write.clientId,
    createdAt: write.createdAt,
    attachments: write.attachments,
  };
}

/** What a send that was stored before (same sender, same `client_id`) answers: that message. */
function asRetry(write: RoomWrite | GroupWrite, first: EarlierMessage): Outcome<Written> {
  const message = toChatMessage(first);
  if ('roomId' in write) {
    return first.roomId === null
      ? { ok: false, error: usedElsewhere() }
      : { ok: true, value: { kind: 'room', message: { ...message, chat_room_id: first.roomId } } };
  }
  return first.groupId === null
    ? { ok: false, error: usedElsewhere() }
    : { ok: true, value: { kind: 'group', message: { ...message, chat_group_id: first.groupId } } };
}

function asStored(write: RoomWrite | GroupWrite, id: number): Written {
  const message = toChatMessage({
    id,
    senderId: write.senderId,
    body: write.body,
    clientId: write.clientId,
    createdAt: write.createdAt,
    attachments: write.attachments,
  });
  return 'roomId' in write
    ? { kind: 'room', message: { ...message, chat_room_id: write.roomId } }
    : { kind: 'group', message: { ...message, chat_group_id: write.groupId } };
}

/**
 * Sends what a committed batch stored, in batch order: each message to the sockets of its
 * conversation, and the unread counts the batch's counters imply after each message to the
 * receivers who are not looking (never to the sender).
 */
function publish(ctx: AppContext, result: BatchResult, sent: { write: RoomWrite | GroupWrite; written: Written }[]): void {
  const rooms = new Map(result.rooms.map((room) => [room.id, { ...room }]));
  const groups = new Map(result.groups.map((group) => [group.id, group.message_count]));
  const readMarks = new Map<number, Map<number, number>>();
  for (const mark of result.absent) {
    const marks = readMarks.get(mark.group_id) ?? new Map<number, number>();
    marks.set(mark.user_id, mark.read_count);
    readMarks.set(mark.group_id, marks);
  }
  // The counters are the batch's end state; step back to where each conversation started.
  for (const { write } of sent) {
    if ('roomId' in write) {
      const room = rooms.get(write.roomId);
      if (room?.user_low === write.receiverId) room.unread_low -= 1;
      else if (room) room.unread_high -= 1;
    } else {
      groups.set(write.groupId, (groups.get(write.groupId) ?? 0) - 1);
    }
  }

  for (const { write, written } of sent) {
    if (written.kind === 'room' && 'roomId' in write) {
      const receiver = socketRooms.user(write.receiverId);
      ctx.io.to([socketRooms.user(write.senderId), receiver]).emit(socketEvents.message, { chat_type: 'room', ...written.message });
      const room = rooms.get(write.roomId);
      if (!room) continue;
      const unread = room.user_low === write.receiverId ? ++room.unread_low : ++room.unread_high;
      announceUnread(ctx.io, write.receiverId, { chat_room_id: write.roomId, unread_count: unread });
    } else if (written.kind === 'group' && 'groupId' in write) {
      ctx.io.to(socketRooms.groupMembers(write.groupId)).emit(socketEvents.message, { chat_type: 'group', ...written.message });
      const count = (groups.get(write.groupId) ?? 0) + 1;
      groups.set(write.groupId, count);
      const marks = readMarks.get(write.groupId);
      if (!marks) continue;
      const own = marks.get(write.senderId);
      if (own !== undefined) marks.set(write.senderId, own + 1);
      for (const [userId, read] of marks) {
        if (userId === write.senderId) continue;
        announceUnread(ctx.io, userId, { chat_group_id: write.groupId, unread_count: count - read });
      }
    }
  }
}

export function createMessageWriter(ctx: AppContext): MessageWriter {
  type Stored = { unique: (RoomWrite | GroupWrite)[]; slots: number[]; result: BatchResult };

  // The database's part of a batch: it may be sent while the batch before it is still stored.
  async function store(writes: (RoomWrite | GroupWrite)[]): Promise<Stored> {
    const { unique, slots } = firstUses(writes, (write) => (write.clientId === null ? null : `${write.senderId}:${write.clientId}`));
    return { unique, slots, result: await insertMessageBatch(ctx.db, unique.map(toInsert)) };
  }

  // The rest, batch after batch: retries looked up, deliveries sent, every send answered.
  async function finish(writes: (RoomWrite | GroupWrite)[], { unique, slots, result }: Stored): Promise<Outcome<Written>[]> {
    // Only a retry is skipped; its first message is committed, so a read after the batch sees it.
    const skipped = unique.filter((write, i) => result.ids[i] === null && write.clientId !== null);
    const earlier = await findByClientIds(
      ctx.db,
      skipped.map((write) => ({ senderId: write.senderId, clientId: write.clientId! })),
    ).catch((error: unknown) => {
      // The batch is committed whatever happens here: only the retries go unanswered (and retry).
      ctx.logger.error({ err: describeError(error) }, 'looking up retried messages failed');
      return [];
    });
    const firstOf = new Map(earlier.map((row) => [`${row.senderId}:${row.clientId}`, row]));
    const sent: { write: RoomWrite | GroupWrite; written: Written }[] = [];
    const outcomes = unique.map((write, i): Outcome<Written> => {
      const id = result.ids[i];
      if (id !== null && id !== undefined) {
        const written = asStored(write, id);
        sent.push({ write, written });
        return { ok: true, value: written };
      }
      const first = firstOf.get(`${write.senderId}:${write.clientId}`);
      if (first) return asRetry(write, first);
      return { ok: false, error: new ParleyError('unavailable', 'The message could not be stored. Please send it again.') };
    });
    publish(ctx, result, sent);
    const rooms = sent.filter(({ written }) => written.kind === 'room').length;
    ctx.metrics.stored('room', rooms);
    ctx.metrics.stored('group', sent.length - rooms);

    return writes.map((write, i) => {
      const outcome = outcomes[slots[i]!]!;
      // A duplicate inside the batch answers like a retry: the first message, if of its kind.
      if (!outcome.ok || unique[slots[i]!] === write) return outcome;
      return outcome.value.kind === ('roomId' in write ? 'room' : 'group') ? outcome : { ok: false, error: usedElsewhere() };
    });
  }

  const queue = createStagedWriteQueue({ store, finish }, {
    maxBatch,
    inFlight: batchesInFlight,
    batchFailed(error, size) {
      ctx.logger.error({ err: describeError(error), size }, 'a batch of messages could not be stored');
      return new ParleyError('unavailable', 'The message could not be stored; nothing was saved. Please send it again.');
    },
  });

  return {
    async room(write) {
      const written = await queue.enqueue(write);
      if (written.kind !== 'room') throw usedElsewhere();
      return written.message;
    },
    async group(write) {
      const written = await queue.enqueue(write);
      if (written.kind !== 'group') throw usedElsewhere();
      return written.message;
    },
  };
}
