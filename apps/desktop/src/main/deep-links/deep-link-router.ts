import type { ConversationRef } from '@parley/shared';
import { linkServerOf, parseDeepLink, type DeepLink } from './deep-link.js';

export interface DeepLinkTargets {
  /** The URL of the server this app is on now, or null before one is chosen. */
  currentServer: () => string | null;
  signedIn: () => boolean;
  /** Which person a room is with, as far as this client knows its rooms. */
  userOfRoom: (roomId: number) => number | undefined;
  /** Fetches the room list again (a link may name a room that began after the last fetch). */
  learnRooms: () => Promise<void>;
  /** Shows the window and asks it to open a conversation (validated ids only; nothing navigates). */
  openConversation: (conversation: ConversationRef) => void;
  /**
   * Joins a server after its health check: the first one, or one more, the one in use staying
   * signed in behind it (several servers).
   */
  joinServer: (url: string) => Promise<void>;
  /** A server signed in to behind the window, by the host and port a link names, if any. */
  serverBehind: (server: string) => BehindServer | null;
  reveal: () => void;
  log: (line: string) => void;
}

/** A server signed in to behind the window, as a link to it needs it. */
export interface BehindServer {
  /** Which person a room is with there (its room list is fetched when the room is new to it). */
  userOfRoom: (roomId: number) => Promise<number | undefined>;
  /** Brings that server into the window and opens the conversation there. */
  show: (conversation: ConversationRef) => Promise<void>;
}

export type LinkOutcome =
  | { done: 'opened'; conversation: ConversationRef }
  | { done: 'joined'; serverUrl: string }
  | { done: 'shown' }
  | { done: 'ignored'; reason: string };

/** What a link does on this app: open a conversation on the server it names, or join a first server. */
export async function followDeepLink(input: unknown, targets: DeepLinkTargets): Promise<LinkOutcome> {
  const link = parseDeepLink(input);
  const outcome = link ? await route(link, targets) : ({ done: 'ignored', reason: 'not a Parley link' } as const);
  if (outcome.done === 'ignored') targets.log(`[link] ignored: ${outcome.reason}`);
  return outcome;
}

async function route(link: DeepLink, targets: DeepLinkTargets): Promise<LinkOutcome> {
  const current = targets.currentServer();
  const here = current === null ? null : linkServerOf(current);
  if (link.kind === 'join') {
    if (here === link.server) {
      targets.reveal();
      return { done: 'shown' };
    }
    await targets.joinServer(link.serverUrl);
    targets.reveal();
    return { done: 'joined', serverUrl: link.serverUrl };
  }
  if (here !== link.server) return followBehind(link, targets);
  if (!targets.signedIn()) {
    targets.reveal();
    return { done: 'ignored', reason: 'signed out' };
  }
  let conversation: ConversationRef;
  if (link.kind === 'group') conversation = { kind: 'group', groupId: link.groupId };
  else {
    if (targets.userOfRoom(link.roomId) === undefined) await targets.learnRooms();
    const userId = targets.userOfRoom(link.roomId);
    if (userId === undefined) return { done: 'ignored', reason: 'a room this account is not in' };
    conversation = { kind: 'room', userId };
  }
  targets.reveal();
  targets.openConversation(conversation);
  return { done: 'opened', conversation };
}

/** A conversation link to a server signed in to behind the window: that server comes forward. */
async function followBehind(link: Exclude<DeepLink, { kind: 'join' }>, targets: DeepLinkTargets): Promise<LinkOutcome> {
  const behind = targets.serverBehind(link.server);
  if (!behind) return { done: 'ignored', reason: 'a link to a server this app is not signed in to' };
  let conversation: ConversationRef;
  if (link.kind === 'group') conversation = { kind: 'group', groupId: link.groupId };
  else {
    const userId = await behind.userOfRoom(link.roomId);
    if (userId === undefined) return { done: 'ignored', reason: 'a room this account is not in' };
    conversation = { kind: 'room', userId };
  }
  targets.reveal();
  await behind.show(conversation);
  return { done: 'opened', conversation };
}
