import { describe, expect, it } from 'vitest';
import {
  groupNameSchema,
  markReadRequestSchema,
  messageSendSchema,
  messageTextSchema,
  ParleyError,
  parseOrThrow,
  passwordSchema,
  personNameSchema,
  registerRequestSchema,
} from '../src/index.js';

describe('message text', () => {
  it('counts code points, so 4,000 emoji are a valid message', () => {
    expect(messageTextSchema.safeParse('😀'.repeat(4000)).success).toBe(true);
    expect(messageTextSchema.safeParse('😀'.repeat(4001)).success).toBe(false);
  });

  it('refuses white space only, NUL and lone surrogates', () => {
    expect(messageTextSchema.safeParse(' \n\t ').success).toBe(false);
    expect(messageTextSchema.safeParse('a\u0000b').success).toBe(false);
    expect(messageTextSchema.safeParse('a\ud800b').success).toBe(false);
    expect(messageTextSchema.safeParse('\udc00').success).toBe(false);
  });

  it('keeps the text exactly as sent', () => {
    expect(messageTextSchema.parse('  hi  ')).toBe('  hi  ');
  });

  it('keeps every code point: BOM, zero-width space, NFD, CRLF, astral emoji', () => {
    for (const text of ['\uFEFFhello', '\uFEFFa', 'a\u200Bb', 'e\u0301', '\u00E9', '\n line \r\n', '👩🏽‍💻 🏳️‍🌈']) {
      expect(messageTextSchema.parse(text)).toBe(text);
    }
  });

  it('refuses a message that shows nothing: only white space and invisible characters', () => {
    for (const text of ['\u200B', '\uFEFF', ' \u200B\uFEFF \n', '\u2060\u200D', '\u2028', '\u202E', '\u3164', '\uFE0F']) {
      const result = messageTextSchema.safeParse(text);
      expect(result.success, JSON.stringify(text)).toBe(false);
      expect(result.error?.issues[0]?.message).toBe('must contain something other than white space and invisible characters');
    }
    expect(messageTextSchema.parse('\u200Bx\u200B')).toBe('\u200Bx\u200B');
  });
});

describe('names and passwords', () => {
  it('trims names before checking and storing them', () => {
    expect(personNameSchema.parse('  Ada ')).toBe('Ada');
    expect(personNameSchema.safeParse('   ').success).toBe(false);
    expect(personNameSchema.safeParse('x'.repeat(65)).success).toBe(false);
    expect(groupNameSchema.safeParse('g'.repeat(80)).success).toBe(true);
    expect(groupNameSchema.safeParse('g'.repeat(81)).success).toBe(false);
  });

  it('refuses names with control or invisible characters, after trimming', () => {
    const invisible = ['Ada\u200BLovelace', 'Ada\u202Eecalevol', 'A\u2066da', 'Ada\u2028L', 'Ada\u2029L', 'A\u00ADda', 'Ada\u0007', 'Ad\ta', 'Ada\u180E', 'Ada\u3164', 'A\u034Fda', 'Ada\u2800'];
    for (const name of invisible) {
      for (const schema of [personNameSchema, groupNameSchema]) {
        const result = schema.safeParse(name);
        expect(result.success, JSON.stringify(name)).toBe(false);
        expect(result.error?.issues[0]?.message).toMatch(/must not contain control or invisible characters/);
      }
    }
    // Only the white space around a name is trimmed; what is left is checked.
    expect(personNameSchema.parse(' \uFEFFAda\n')).toBe('Ada');
    expect(personNameSchema.parse('Zoë ❤️')).toBe('Zoë ❤️');
    expect(groupNameSchema.parse('Café del Mar')).toBe('Café del Mar');
  });

  it('bounds passwords at 8..128 code points', () => {
    expect(passwordSchema.safeParse('1234567').success).toBe(false);
    expect(passwordSchema.safeParse('🔑'.repeat(8)).success).toBe(true);
    expect(passwordSchema.safeParse('a'.repeat(129)).success).toBe(false);
  });

  it('names each failing field of a registration', () => {
    const result = registerRequestSchema.safeParse({ email: 'nope', password: 'short', first_name: '', last_name: 'B' });
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((issue) => issue.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['email', 'password', 'first_name']));
  });
});

describe('socket sends', () => {
  it('accepts and ignores a token inside the payload', () => {
    const parsed = messageSendSchema.parse({ token: 'abc', chat_type: 'bot', message: 'help' });
    expect(parsed.chat_type).toBe('bot');
  });

  it('refuses an unknown chat type and a fractional id', () => {
    expect(messageSendSchema.safeParse({ chat_type: 'channel', message: 'x' }).success).toBe(false);
    expect(messageSendSchema.safeParse({ chat_type: 'room', other_user_id: 1.5, message: 'x' }).success).toBe(false);
  });

  it('marks one conversation read, never both kinds at once', () => {
    expect(markReadRequestSchema.safeParse({ chat_room_id: 7 }).success).toBe(true);
    expect(markReadRequestSchema.safeParse({ chat_room_id: 7, chat_group_id: 8 }).success).toBe(false);
  });
});

describe('field reasons', () => {
  function fieldsOf(input: unknown): Record<string, string> | undefined {
    try {
      parseOrThrow(registerRequestSchema, input);
    } catch (error) {
      if (error instanceof ParleyError) return error.fields;
      throw error;
    }
    throw new Error('the input was accepted');
  }

  it('says plainly which fields are missing or of the wrong kind', () => {
    expect(fieldsOf({ email: 'ada@example.com', password: 12345678, first_name: 'Ada' })).toMatchObject({
      password: 'must be text',
      last_name: 'is required',
    });
    expect(fieldsOf(null)).toEqual({ _: 'must be a JSON object' });
  });

  it('keeps the reasons a schema words itself', () => {
    expect(fieldsOf({ email: 'nope', password: 'long enough', first_name: 'A', last_name: 'B' })).toEqual({
      email: 'must be an email address',
    });
  });
});
