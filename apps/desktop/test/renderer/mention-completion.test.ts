import { describe, expect, it } from 'vitest';
import { mentionCandidates, mentionQueryAt, toComposerText, toWireText } from '../../src/renderer/src/features/composer/mention-completion';
import { handleServerEvent } from '../../src/renderer/src/actions/server-events';
import { mentionsFromNotifications } from '../../src/renderer/src/stores/mentions-slice';
import { setup } from './fake-bridge';

const people = [
  { userId: 2, name: 'Bob Babbage' },
  { userId: 3, name: 'Carol Cook' },
  { userId: 4, name: 'Bo Diddley' },
];

describe('the @ completion', () => {
  it('reads the word after an @ at the caret, not an address', () => {
    expect(mentionQueryAt('hi @bo', 6)).toEqual({ start: 3, query: 'bo' });
    expect(mentionQueryAt('@', 1)).toEqual({ start: 0, query: '' });
    expect(mentionQueryAt('mail ada@example.com', 20)).toBeNull();
    expect(mentionQueryAt('hi @bo there', 12)).toBeNull();
  });

  it('offers people whose first or last name starts with it', () => {
    expect(mentionCandidates(people, 'bo').map((p) => p.userId)).toEqual([2, 4]);
    expect(mentionCandidates(people, 'cook').map((p) => p.userId)).toEqual([3]);
    expect(mentionCandidates(people, '')).toHaveLength(3);
  });

  it('sends a chosen name as its <@id> token and shows it back as the name', () => {
    const wire = toWireText('@Bo Diddley and @Bob Babbage, look', [people[2]!, people[0]!]);
    expect(wire).toBe('<@4> and <@2>, look');
    expect(toComposerText(wire, (id) => people.find((p) => p.userId === id)?.name ?? null)).toEqual({
      text: '@Bo Diddley and @Bob Babbage, look',
      chosen: [people[2], people[0]],
    });
    // A name edited after it was chosen is plain text again.
    expect(toWireText('@Bob Babbag hi', [people[0]!])).toBe('@Bob Babbag hi');
  });
});

describe('mention counts', () => {
  it('come from GET /notifications and grow with live messages that mention you elsewhere', async () => {
    const ctx = setup();
    ctx.store.getState().setRooms([{ chat_room_id: 40, other_user: { user_id: 2, first_name: 'Bob', last_name: 'Babbage', online: true }, last_message: null, unread_count: 0 }]);
    expect(mentionsFromNotifications([{ chat_group_id: 5, unread_count: 3, mention_count: 2, last_message: null }, { chat_room_id: 40, unread_count: 1, last_message: null }], ctx.store.getState())).toEqual({ 'group:5': 2 });
    const event = { chat_type: 'group' as const, id: 9, user_id: 2, chat_group_id: 5, timestamp: '2026-11-24T09:30:00.000Z' };
    await handleServerEvent(ctx, { event: 'message', payload: { ...event, message: 'hey <@1>' } });
    await handleServerEvent(ctx, { event: 'message', payload: { ...event, id: 10, message: 'hey <@3>' } });
    expect(ctx.store.getState().mentions['group:5']).toBe(1);
  });
});
