import { isDeletedMessage, type Attachment, type BotMessage, type ChatMessageState, type Reaction } from '@parley/shared';

export type MessageStatus = 'sent' | 'pending' | 'failed';

/** A message as the conversation pane shows it: confirmed by the server, or still on its way. */
export interface UiMessage {
  /** Stable across pending → sent, so the row is not re-created when the server confirms it. */
  key: string;
  id: number | null;
  clientId: string | null;
  /** null: the bot. */
  authorId: number | null;
  text: string;
  timestamp: string;
  status: MessageStatus;
  error: string | null;
  /** When the author last edited it; null if never. */
  editedAt: string | null;
  /** Deleted by its author: the row stays as a quiet placeholder, without text. */
  deleted: boolean;
  reactions: Reaction[];
  /** Files shown with it (rooms and groups); absent when none. */
  attachments?: Attachment[];
}

const untouched = { editedAt: null, deleted: false, reactions: [] as Reaction[] };

export function fromChatMessage(message: ChatMessageState): UiMessage {
  const deleted = isDeletedMessage(message);
  return {
    key: message.client_id ?? `id:${message.id}`,
    id: message.id,
    clientId: message.client_id ?? null,
    authorId: message.user_id,
    text: deleted ? '' : message.message,
    timestamp: message.timestamp,
    status: 'sent',
    error: null,
    editedAt: deleted ? null : (message.edited_at ?? null),
    deleted,
    reactions: deleted ? [] : (message.reactions ?? []),
    ...(!deleted && message.attachments?.length ? { attachments: message.attachments } : {}),
  };
}

/**
 * Puts the server's current state of messages (a change event, a catch-up of changes) over the
 * rows held, keeping each row's key; messages not held are left out (their page brings them).
 */
export function applyStates(list: readonly UiMessage[], states: readonly UiMessage[]): UiMessage[] {
  if (states.length === 0) return list as UiMessage[];
  const byId = new Map(states.map((m) => [m.id, m]));
  let changed = false;
  const next = list.map((m) => {
    const state = m.id === null ? undefined : byId.get(m.id);
    if (!state) return m;
    changed = true;
    return { ...m, text: state.text, editedAt: state.editedAt, deleted: state.deleted, reactions: state.reactions };
  });
  return changed ? next : (list as UiMessage[]);
}

export function fromBotMessage(message: BotMessage, selfId: number): UiMessage {
  return {
    key: message.client_id ?? `id:${message.id}`,
    id: message.id,
    clientId: message.client_id ?? null,
    authorId: message.is_user ? selfId : null,
    text: message.message,
    timestamp: message.timestamp,
    status: 'sent',
    error: null,
    ...untouched,
  };
}

export function pendingMessage(clientId: string, authorId: number, text: string, now: Date, attachments?: Attachment[]): UiMessage {
  const message: UiMessage = { key: clientId, id: null, clientId, authorId, text, timestamp: now.toISOString(), status: 'pending', error: null, ...untouched };
  return attachments?.length ? { ...message, attachments } : message;
}

/**
 * Merges confirmed messages into a list: each id appears once, a confirmed message replaces the
 * pending one with its client_id (whichever of ack or echo comes first), confirmed messages are
 * ordered by id and the unconfirmed ones stay at the end in the order they were written.
 */
export function mergeMessages(list: readonly UiMessage[], incoming: readonly UiMessage[]): UiMessage[] {
  if (incoming.length === 0) return list as UiMessage[];
  const byId = new Map<number, UiMessage>();
  const unconfirmed: UiMessage[] = [];
  for (const m of list) {
    if (m.id === null) unconfirmed.push(m);
    else byId.set(m.id, m);
  }
  const confirmedClientIds = new Map<string, number>();
  for (const m of incoming) {
    if (m.id === null) continue;
    if (m.clientId) confirmedClientIds.set(m.clientId, m.id);
    // Keep the row we already have (and its key): a repeat delivery changes nothing.
    if (!byId.has(m.id)) byId.set(m.id, m);
  }
  const stillUnconfirmed: UiMessage[] = [];
  for (const m of unconfirmed) {
    const confirmedId = m.clientId ? confirmedClientIds.get(m.clientId) : undefined;
    const confirmed = confirmedId === undefined ? undefined : byId.get(confirmedId);
    // The pending row gives way to the stored message, keeping its key so the row is not re-made.
    if (confirmed && confirmedId !== undefined) byId.set(confirmedId, { ...confirmed, key: m.key, clientId: m.clientId });
    else stillUnconfirmed.push(m);
  }
  const confirmed = [...byId.values()].sort((a, b) => (a.id ?? 0) - (b.id ?? 0));
  return confirmed.concat(stillUnconfirmed);
}

export function appendPending(list: readonly UiMessage[], message: UiMessage): UiMessage[] {
  return [...list, message];
}

/** Sets the status of the unconfirmed message with this client_id; a confirmed one is left alone. */
export function setPendingStatus(list: readonly UiMessage[], clientId: string, status: 'pending' | 'failed', error: string | null = null): UiMessage[] {
  let changed = false;
  const next = list.map((m) => {
    if (m.id !== null || m.clientId !== clientId) return m;
    changed = true;
    return { ...m, status, error };
  });
  return changed ? next : (list as UiMessage[]);
}

export function lastConfirmedId(list: readonly UiMessage[]): number | null {
  for (let i = list.length - 1; i >= 0; i--) {
    const id = list[i]?.id;
    if (id !== null && id !== undefined) return id;
  }
  return null;
}

/**
 * How far back a catch-up after a reconnect re-reads, in the messages' own time: with several
 * server nodes, a message committed on one node a moment before another node's may reach the
 * client after it, so the newest id held does not prove that every older one arrived.
 */
export const catchUpOverlapMs = 2_000;

/**
 * The id to catch up `after`: the newest confirmed message at least `catchUpOverlapMs` older than
 * the newest held, so the last moments are read again (merged by id, nothing doubles). When
 * everything held falls within that window, from just before the oldest held; null when that
 * is no id at all (the newest page is read instead).
 */
export function catchUpFrom(list: readonly UiMessage[], overlapMs = catchUpOverlapMs): number | null {
  const confirmed = list.filter((m): m is UiMessage & { id: number } => m.id !== null);
  const newest = confirmed.at(-1);
  if (!newest) return null;
  const before = Date.parse(newest.timestamp) - overlapMs;
  for (let i = confirmed.length - 1; i >= 0; i--) {
    if (Date.parse(confirmed[i]!.timestamp) <= before) return confirmed[i]!.id;
  }
  const oldest = confirmed[0]!.id;
  return oldest > 1 ? oldest - 1 : null;
}

export function firstConfirmedId(list: readonly UiMessage[]): number | null {
  for (const m of list) if (m.id !== null) return m.id;
  return null;
}
