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
  /** Joins a server after its health check (only when no server is chosen yet). */
  joinServer: (url: string) => Promise<void>;
  reveal: () => void;
  log: (line: string) => void;
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
    if (current !== null) return { done: 'ignored', reason: 'a join link for another server than the one in use' };
    await targets.joinServer(link.serverUrl);
    targets.reveal();
    return { done: 'joined', serverUrl: link.serverUrl };
  }
  if (here !== link.server) return { done: 'ignored', reason: 'a link to another server' };
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
