import { beforeEach, describe, expect, it } from 'vitest';
import type { MessageEvent } from '../../src/index.js';
import { clip, decideNotification, type NotifyContext } from '../../src/client/notify.js';
import { Directory } from '../../src/client/directory.js';

const ts = '2026-11-24T09:30:00.000Z';
const fromBob: MessageEvent = { chat_type: 'room', id: 10, user_id: 2, chat_room_id: 7, message: 'Lunch?', timestamp: ts };
const inGroup: MessageEvent = { chat_type: 'group', id: 11, user_id: 2, chat_group_id: 3, message: 'Standup now', timestamp: ts };
const botReply: MessageEvent = {
  chat_type: 'bot',
  messages: [
    { id: 12, is_user: true, message: 'hello', timestamp: ts },
    { id: 13, is_user: false, message: 'Hi! How can I help?', timestamp: ts },
  ],
};

let context: NotifyContext;
beforeEach(() => {
  const directory = new Directory();
  directory.replaceUsers([
    { user_id: 1, first_name: 'Ada', last_name: 'Lovelace' },
    { user_id: 2, first_name: 'Bob', last_name: 'Builder' },
  ]);
  directory.replaceGroups([{ chat_group_id: 3, chat_group_name: 'Team', author_id: 1 }]);
  context = { selfUserId: 1, activeConversation: null, windowFocused: true, windowVisible: true, directory };
});

describe('whether a new message raises a system notification', () => {
  it("a direct message is titled with the sender's name", () => {
    expect(decideNotification(fromBob, context)).toEqual({
      conversation: { kind: 'room', userId: 2 },
      key: 'user:2',
      title: 'Bob Builder',
      body: 'Lunch?',
    });
  });

  it("a group message is titled with the group's name and says who wrote", () => {
    expect(decideNotification(inGroup, context)).toMatchObject({ title: 'Team', body: 'Bob: Standup now', key: 'group:3' });
  });

  it('your own message never notifies', () => {
    expect(decideNotification({ ...fromBob, user_id: 1 }, context)).toBeNull();
    expect(decideNotification({ ...inGroup, user_id: 1 }, { ...context, windowFocused: false })).toBeNull();
  });

  it('a message of the conversation open in the focused window does not notify', () => {
    expect(decideNotification(fromBob, { ...context, activeConversation: { kind: 'room', userId: 2 } })).toBeNull();
    expect(decideNotification(inGroup, { ...context, activeConversation: { kind: 'group', groupId: 3 } })).toBeNull();
  });

  it('the open conversation notifies when the window is not focused', () => {
    expect(decideNotification(fromBob, { ...context, activeConversation: { kind: 'room', userId: 2 }, windowFocused: false })).not.toBeNull();
  });

  it('the open conversation notifies when the window is hidden in the tray', () => {
    expect(decideNotification(inGroup, { ...context, activeConversation: { kind: 'group', groupId: 3 }, windowVisible: false })).not.toBeNull();
  });

  it('another conversation notifies even in the focused window', () => {
    expect(decideNotification(fromBob, { ...context, activeConversation: { kind: 'group', groupId: 3 } })).not.toBeNull();
    expect(decideNotification(inGroup, { ...context, activeConversation: { kind: 'group', groupId: 4 } })).not.toBeNull();
  });

  it('a bot reply does not notify while the window is focused', () => {
    expect(decideNotification(botReply, context)).toBeNull();
  });

  it('a bot reply notifies when the window is unfocused', () => {
    expect(decideNotification(botReply, { ...context, windowFocused: false })).toEqual({
      conversation: { kind: 'bot' },
      key: 'bot',
      title: 'Parley bot',
      body: 'Hi! How can I help?',
    });
  });

  it("the user's own line to the bot never notifies", () => {
    const own: MessageEvent = { chat_type: 'bot', messages: [{ id: 12, is_user: true, message: 'hello', timestamp: ts }] };
    expect(decideNotification(own, { ...context, windowFocused: false })).toBeNull();
  });

  it('an unknown sender still gets a notification with a neutral title', () => {
    expect(decideNotification({ ...fromBob, user_id: 99 }, context)).toMatchObject({ title: 'New message' });
    expect(decideNotification({ ...inGroup, chat_group_id: 99 }, context)).toMatchObject({ title: 'Group message' });
  });
});

describe('notification body', () => {
  it('is cut to 100 code points with an ellipsis', () => {
    const body = clip('x'.repeat(300));
    expect([...body]).toHaveLength(100);
    expect(body.endsWith('…')).toBe(true);
  });

  it('never splits an emoji', () => {
    const body = clip('😀'.repeat(150));
    expect([...body]).toHaveLength(100);
    expect(body).toBe(`${'😀'.repeat(99)}…`);
  });

  it('keeps a short message whole, on one line', () => {
    expect(clip('hello\n\nworld')).toBe('hello world');
  });
});
