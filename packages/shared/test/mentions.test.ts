import { describe, expect, it } from 'vitest';
import type { MessageEvent } from '../src/index.js';
import { mentionedUserIds, mentionSegments, mentionsUser, mentionToken, withMentionNames } from '../src/index.js';
import { decideNotification } from '../src/client/notify.js';
import { Directory } from '../src/client/directory.js';

describe('mentions', () => {
  it('are <@id> tokens cut out of the text, everything else kept', () => {
    expect(mentionSegments('hi <@12>, see <@3>!')).toEqual([
      { kind: 'text', text: 'hi ' },
      { kind: 'mention', userId: 12 },
      { kind: 'text', text: ', see ' },
      { kind: 'mention', userId: 3 },
      { kind: 'text', text: '!' },
    ]);
    expect(mentionSegments('<@0> <@x> <@12')).toEqual([{ kind: 'text', text: '<@0> <@x> <@12' }]);
    expect(mentionedUserIds('<@4> and <@4> and <@5>')).toEqual([4, 5]);
    expect(mentionsUser(`ping ${mentionToken(7)}`, 7)).toBe(true);
    expect(mentionsUser('ping <@77>', 7)).toBe(false);
  });

  it('read as the names people have now', () => {
    expect(withMentionNames('thanks <@2> and <@9>', (id) => (id === 2 ? 'Bob Builder' : null))).toBe('thanks @Bob Builder and @someone');
  });

  it('title a notification "mentioned you", with names in the body', () => {
    const directory = new Directory();
    directory.replaceUsers([
      { user_id: 1, first_name: 'Ada', last_name: 'Lovelace' },
      { user_id: 2, first_name: 'Bob', last_name: 'Builder' },
    ]);
    directory.replaceGroups([{ chat_group_id: 3, chat_group_name: 'Team', author_id: 1 }]);
    const context = { selfUserId: 1, activeConversation: null, windowFocused: false, windowVisible: true, directory };
    const event: MessageEvent = { chat_type: 'group', id: 1, user_id: 2, chat_group_id: 3, message: '<@1> can you look?', timestamp: '2026-11-24T09:30:00.000Z' };
    expect(decideNotification(event, context)).toMatchObject({ title: 'Bob mentioned you in Team', body: '@Ada Lovelace can you look?' });
    const other = { ...event, message: 'ask <@2>' };
    expect(decideNotification(other, context)).toMatchObject({ title: 'Team', body: 'Bob: ask @Bob Builder' });
  });
});
