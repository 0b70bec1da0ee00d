import { groupRoutes, notificationRoutes, userRoutes } from '@parley/shared';
import type { Response } from 'express';
import { describe, expect, it } from 'vitest';
import { reply } from '../src/http/reply.js';

/** The part of Express's response `reply` uses, recording what was sent. */
function recordingResponse() {
  const sent: { status: number; body: unknown }[] = [];
  let status = 200;
  const res = {
    status(code: number) {
      status = code;
      return res;
    },
    json(body: unknown) {
      sent.push({ status, body });
      return res;
    },
  };
  return { res: res as unknown as Response, sent };
}

// Compile-time checks, run by `npm run typecheck`: each `@ts-expect-error` fails the build the day
// an answer that does not match its route's response schema would compile.
function wrongAnswersDoNotCompile(res: Response): void {
  // @ts-expect-error a user list without `online`
  reply(res, userRoutes.list, { users: [{ user_id: 1, first_name: 'Ada', last_name: 'L' }] });
  // @ts-expect-error a mark-read answer must say the count is now zero
  reply(res, notificationRoutes.markRead, { chat_room_id: 1, unread_count: 3 });
  // @ts-expect-error the rooms' answer where the groups' is due
  reply(res, groupRoutes.list, { chat_rooms: [] });
}

describe('route replies', () => {
  it("a reply is sent with its route's success status", () => {
    const { res, sent } = recordingResponse();
    reply(res, groupRoutes.create, { chat_group_id: 1, chat_group_name: 'Ops', author_id: 2 });
    reply(res, userRoutes.list, { users: [] });
    expect([sent, typeof wrongAnswersDoNotCompile]).toEqual([
      [
        { status: 201, body: { chat_group_id: 1, chat_group_name: 'Ops', author_id: 2 } },
        { status: 200, body: { users: [] } },
      ],
      'function',
    ]);
  });
});
