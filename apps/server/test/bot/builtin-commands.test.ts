import { describe, expect, it } from 'vitest';
import { codePointLength, limits } from '@parley/shared';
import { createBuiltinBot } from '../../src/bot/builtin/builtin-bot.js';
import { searchLimit } from '../../src/bot/builtin/search.js';
import { ada, ask, bob, brokenLookup, cleo, fakeLookup } from './fake-lookup.js';

const at = (iso: string) => new Date(iso);

describe('built-in bot: help, time and small talk', () => {
  it('help lists every command', async () => {
    const reply = await createBuiltinBot(fakeLookup().lookup).reply(ask('help'));
    for (const command of ['who is online', 'everyone', 'unread', 'find <word>', 'groups', 'time']) {
      expect(reply).toContain(command);
    }
  });

  it('time gives the date and time of `now` in UTC', async () => {
    const reply = await createBuiltinBot(fakeLookup().lookup).reply(ask('what time is it?'));
    expect(reply).toBe("It's Wednesday, 25 November 2026, 16:31 UTC.");
  });

  it('a greeting is answered by name', async () => {
    expect(await createBuiltinBot(fakeLookup().lookup).reply(ask('hello'))).toMatch(/^Hello Ada!/);
  });

  it('thanks are answered by name', async () => {
    expect(await createBuiltinBot(fakeLookup().lookup).reply(ask('thanks!'))).toBe("You're welcome, Ada!");
  });

  it('a greeting to a user with a blank first name does not leave a hole', async () => {
    const reply = await createBuiltinBot(fakeLookup().lookup).reply(ask('hi', [], { user_id: 9, first_name: ' ', last_name: 'Smith' }));
    expect(reply).toMatch(/^Hello Smith!/);
  });

  it('an unknown message gets a friendly reply that suggests help', async () => {
    const reply = await createBuiltinBot(fakeLookup().lookup).reply(ask('banana pancakes'));
    expect(reply).toContain('“banana pancakes”');
    expect(reply).toContain('"help"');
  });
});

describe('built-in bot: people', () => {
  it('who is online lists the other online people, not the asker', async () => {
    const { lookup } = fakeLookup({ online: [ada, cleo, bob], offline: [] });
    const reply = await createBuiltinBot(lookup).reply(ask('who is online?'));
    expect(reply).toBe('2 other people are online right now:\n• Bob Marley\n• Cleo Patra');
  });

  it('someone online on two devices is listed once', async () => {
    const reply = await createBuiltinBot(fakeLookup({ online: [ada, bob, bob] }).lookup).reply(ask('who is online'));
    expect(reply).toBe('1 other person is online right now:\n• Bob Marley');
  });

  it('who is online says so when nobody else is', async () => {
    const reply = await createBuiltinBot(fakeLookup({ online: [ada] }).lookup).reply(ask('who is here'));
    expect(reply).toMatch(/^Nobody else is online/);
  });

  it('everyone lists all people, online first, with their presence', async () => {
    const { lookup } = fakeLookup({ online: [ada, bob], offline: [cleo] });
    const reply = await createBuiltinBot(lookup).reply(ask('everyone'));
    expect(reply).toBe(
      '3 people are on Parley, 2 online:\n• Ada Lovelace (you) — online\n• Bob Marley — online\n• Cleo Patra — offline',
    );
  });

  it('a long people list ends with how many were left out', async () => {
    const many = Array.from({ length: 60 }, (_, i) => ({ user_id: 100 + i, first_name: 'P', last_name: String(100 + i) }));
    const reply = await createBuiltinBot(fakeLookup({ online: [ada], offline: many }).lookup).reply(ask('people'));
    expect(reply.split('\n').filter((line) => line.startsWith('• '))).toHaveLength(50);
    expect(reply).toMatch(/…and 11 more$/);
  });
});

describe('built-in bot: unread', () => {
  it('unread lists conversations busiest first with the total', async () => {
    const { lookup } = fakeLookup({
      unread: [
        { kind: 'room', title: 'Bob Marley', unreadCount: 2 },
        { kind: 'group', title: 'Design', unreadCount: 5 },
        { kind: 'room', title: 'Cleo Patra', unreadCount: 0 },
      ],
    });
    const reply = await createBuiltinBot(lookup).reply(ask('what did I miss?'));
    expect(reply).toBe('You have 7 unread messages in 2 conversations:\n• Design (group) — 5 unread\n• Bob Marley — 2 unread');
  });

  it('unread says all caught up when there is nothing', async () => {
    expect(await createBuiltinBot(fakeLookup().lookup).reply(ask('unread'))).toMatch(/all caught up/);
  });
});

describe('built-in bot: search', () => {
  const messages = [
    { where: 'Design', author: 'Bob Marley', text: 'Lunch at noon?\nI booked a table', at: at('2026-11-25T11:02:00Z') },
    { where: 'Cleo Patra', author: 'Cleo Patra', text: 'lunch was great', at: at('2026-11-24T13:00:00Z') },
    { where: 'Design', author: 'Ada Lovelace', text: 'team lunch plan', at: at('2025-06-01T09:00:00Z') },
  ];

  it('find shows where, who and when for each match, on the asker\'s behalf', async () => {
    const { lookup, searches } = fakeLookup({ messages });
    const reply = await createBuiltinBot(lookup).reply(ask('find lunch'));
    expect(searches).toEqual([{ userId: ada.user_id, term: 'lunch', limit: searchLimit }]);
    expect(reply).toBe(
      [
        '3 messages about “lunch”, newest first (times in UTC):',
        '• Bob Marley in Design, today 11:02:',
        '  “Lunch at noon? I booked a table”',
        '• Cleo Patra in Cleo Patra, yesterday 13:00:',
        '  “lunch was great”',
        '• Ada Lovelace in Design, 1 Jun 2025:',
        '  “team lunch plan”',
      ].join('\n'),
    );
  });

  it('a long matched message is cut with an ellipsis', async () => {
    const text = `deploy ${'x'.repeat(500)}`;
    const { lookup } = fakeLookup({ messages: [{ where: 'Ops', author: 'Bob Marley', text, at: at('2026-11-20T10:00:00Z') }] });
    const reply = await createBuiltinBot(lookup).reply(ask('messages about deploy'));
    const quoted = reply.split('\n')[2] ?? '';
    expect(quoted).toMatch(/…”$/);
    expect(codePointLength(quoted)).toBeLessThan(170);
  });

  it('find says so when nothing matches', async () => {
    const reply = await createBuiltinBot(fakeLookup({ messages }).lookup).reply(ask('search for kangaroo'));
    expect(reply).toBe('I found no messages about “kangaroo” in your conversations.');
  });

  it('a full page of matches says only the newest are shown', async () => {
    const many = Array.from({ length: 15 }, (_, i) => ({ where: 'Ops', author: 'Bob Marley', text: `deploy ${i}`, at: at('2026-11-20T10:00:00Z') }));
    const reply = await createBuiltinBot(fakeLookup({ messages: many }).lookup).reply(ask('find deploy'));
    expect(reply).toMatch(/^The 10 newest messages about “deploy”/);
  });

  it('a very long search term is cut before it reaches the lookup', async () => {
    const { lookup, searches } = fakeLookup();
    await createBuiltinBot(lookup).reply(ask(`find ${'a'.repeat(3000)}`));
    expect(codePointLength(searches[0]?.term ?? '')).toBeLessThanOrEqual(100);
  });
});

describe('built-in bot: groups', () => {
  it('groups lists member counts and membership, mine first', async () => {
    const { lookup } = fakeLookup({
      groups: [
        { name: 'Random', memberCount: 12, isMember: false },
        { name: 'Design', memberCount: 1, isMember: true },
      ],
    });
    const reply = await createBuiltinBot(lookup).reply(ask('groups'));
    expect(reply).toBe("There are 2 groups; you're in 1:\n• Design — 1 member, you're in it\n• Random — 12 members");
  });

  it('groups says so when there are none', async () => {
    expect(await createBuiltinBot(fakeLookup().lookup).reply(ask('groups'))).toMatch(/^There are no groups yet/);
  });
});

describe('built-in bot: failures and limits', () => {
  it.each(['who is online', 'everyone', 'unread', 'find lunch', 'groups'])(
    'a failing lookup for "%s" gets a polite apology, not a throw',
    async (text) => {
      const reply = await createBuiltinBot(brokenLookup).reply(ask(text));
      expect(reply).toBe("Sorry Ada, I couldn't look that up just now. Please try again in a moment.");
    },
  );

  it('a reply never exceeds the message limit, even with huge names', async () => {
    const giant = (i: number) => ({ user_id: 10 + i, first_name: '👩‍💻'.repeat(200), last_name: String(i) });
    const { lookup } = fakeLookup({ online: [ada, ...Array.from({ length: 40 }, (_, i) => giant(i))] });
    const reply = await createBuiltinBot(lookup).reply(ask('who is online'));
    expect(codePointLength(reply)).toBeLessThanOrEqual(limits.messageMaxCodePoints);
    expect(reply).not.toMatch(/\p{Cs}/u);
  });

  it('the same request gives the same reply', async () => {
    const { lookup } = fakeLookup({ online: [ada, bob], offline: [cleo] });
    const bot = createBuiltinBot(lookup);
    expect(await bot.reply(ask('everyone'))).toBe(await bot.reply(ask('everyone')));
  });
});
