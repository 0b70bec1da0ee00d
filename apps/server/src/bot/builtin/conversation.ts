import type { UserSummary } from '@parley/shared';
import { callName, oneLine } from './reply-text.js';
import { formatNow } from './when.js';

/** The commands, as `help` lists them; `extra` lets another bot add what it answers itself. */
export function helpReply(me: UserSummary, extra?: string): string {
  return [
    `Hi ${callName(me)}, I'm Parley's workspace assistant. I can tell you:`,
    '• who is online — who else is here right now',
    '• everyone — all the people on Parley, online or not',
    '• unread — conversations with messages you have not read yet',
    '• find <word> — messages in your conversations that mention it',
    '• groups — every group, its size and whether you are in it',
    '• time — the current date and time',
    'Plain questions work too, like "what did I miss?" or "messages about lunch".',
    ...(extra ? [extra] : []),
  ].join('\n');
}

export function timeReply(now: Date): string {
  return `It's ${formatNow(now)}.`;
}

export function greetingReply(me: UserSummary): string {
  return `Hello ${callName(me)}! What can I do for you? Type "help" to see what I know.`;
}

export function howAreYouReply(me: UserSummary): string {
  return `I'm doing well, thank you for asking, ${callName(me)}! Anything I can look up for you?`;
}

export function thanksReply(me: UserSummary): string {
  return `You're welcome, ${callName(me)}!`;
}

export function unknownReply(me: UserSummary, text: string): string {
  const said = oneLine(text, 60);
  const echo = said ? `I'm not sure what you mean by “${said}”, ${callName(me)}.` : `I'm not sure what you mean, ${callName(me)}.`;
  return `${echo} Try "who is online", "what did I miss?" or "find <word>", or type "help" for everything I can do.`;
}

export function apologyReply(me: UserSummary): string {
  return `Sorry ${callName(me)}, I couldn't look that up just now. Please try again in a moment.`;
}
