import type { ChatRoomResponse } from '@parley/shared';
import { call } from './http.js';

/** Every message of a room, oldest first, read page by page with `until`. */
export async function wholeRoomHistory(server: { url: string }, token: string, roomId: number): Promise<ChatRoomResponse['messages']> {
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
  return pages.flat();
}
