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
});

describe('names and passwords', () => {
  it('trims names before checking and storing them', () => {
    expect(personNameSchema.parse('  Ada ')).toBe('Ada');
    expect(personNameSchema.safeParse('   ').success).toBe(false);
    expect(personNameSchema.safeParse('x'.repeat(65)).success).toBe(false);
    expect(groupNameSchema.safeParse('g'.repeat(80)).success).toBe(true);
    expect(groupNameSchema.safeParse('g'.repeat(81)).success).toBe(false);
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
