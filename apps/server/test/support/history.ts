import { isDeletedMessage, type ChatMessageState, type ChatRoomResponse, type LiveChatMessage } from '@parley/shared';
import { call } from './http.js';

/** Every message of a room, oldest first, read page by page with `until`. */
export async function wholeRoomHistory(server: { url: string }, token: string, roomId: number): Promise<LiveChatMessage[]> {
  const pages: ChatRoomResponse['messages'][] = [];
  let until: number | undefined;
  for (;;) {
    const path = until === undefined ? `/chat_rooms/${roomId}` : `/chat_rooms/${roomId}?until=${until}`;
    const page = await call<ChatRoomResponse>(server, 'GET', path, { token });
    if (page.status !== 200) throw new Error(`history answered ${page.status}: ${page.text}`);
    pages.unshift(page.body.messages);
    if (!page.body.has_more || page.body.messages.length === 0) break;
    until = page.body.messages[0]!.id;
  }
  return pages.flat().map(live);
}

/** A message that must not have been deleted, as the tests that never delete read them. */
export function live(message: ChatMessageState): LiveChatMessage {
  if (isDeletedMessage(message)) throw new Error(`message ${message.id} is deleted`);
  return message;
}

/** The text of a history message that must not have been deleted. */
export function textOf(message: ChatMessageState): string {
  return live(message).message;
}
