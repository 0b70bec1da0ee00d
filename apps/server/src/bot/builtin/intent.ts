import type { BotTurn } from '../bot.js';

/** What the user asked for, as the built-in bot understands it. */
export type Intent =
  | { kind: 'help' }
  | { kind: 'online' }
  | { kind: 'everyone' }
  | { kind: 'unread' }
  | { kind: 'search'; term: string }
  | { kind: 'ask-search-term' }
  | { kind: 'groups' }
  | { kind: 'time' }
  | { kind: 'greeting' }
  | { kind: 'thanks' }
  | { kind: 'how-are-you' }
  | { kind: 'unknown' };

/** The bot's question when "find" comes without a word; the next message is then the word. */
export const searchTermQuestion = 'What should I search for? Send me a word, e.g. "find lunch".';

export { maxSearchTermCodePoints } from '../message-search.js';

// Phrasings that carry a search term. Matched on the original text so the term keeps its case.
const searchPatterns: RegExp[] = [
  /^(?:please\s+)?(?:find(?!\s+out\b)|search(?:\s+for)?|look\s+for|look\s+up|grep)\s+(?:messages?\s+)?(?:(?:about|with|containing|for|mentioning)\s+)?(.+)$/is,
  /^(?:show\s+(?:me\s+)?)?(?:any\s+)?(?:messages?|anything|something)\s+(?:about|with|containing|mentioning|on)\s+(.+)$/is,
  /^(?:who|what)\s+(?:said|mentioned|talked\s+about|wrote\s+about|was\s+saying\s+about)\s+(.+)$/is,
  /^(?:what\s+did\s+(?:people|anyone|someone)\s+(?:say|write)\s+about)\s+(.+)$/is,
];
const bareSearch = /^(?:please )?(?:find|search|look for|look up|grep)(?: for)?(?: messages?)?(?: about| with| containing| for| mentioning)?$/;

const has = (text: string, pattern: RegExp) => pattern.test(text);

// A loop rather than /[…]+$/: that regex retries from every position of a long run of such
// characters in the middle of a message, which is quadratic on a 4000-character message.
function trimEndOf(text: string, chars: string): string {
  let end = text.length;
  while (end > 0 && chars.includes(text[end - 1] ?? '')) end--;
  return text.slice(0, end);
}

function trimStartOf(text: string, chars: string): string {
  let start = 0;
  while (start < text.length && chars.includes(text[start] ?? '')) start++;
  return text.slice(start);
}

const endPunctuation = '?!.…';
const quotes = `"'“”‘’«»`;

/** Lower case, no command prefix, no trailing punctuation, one space between words. */
export function normalize(text: string): string {
  const words = text.toLowerCase().replace(/[’‘]/g, "'").replace(/\s+/g, ' ');
  return trimEndOf(trimStartOf(words, ' /!'), ` ${endPunctuation}`);
}

function cleanTerm(raw: string): string {
  const term = trimEndOf(raw.replace(/\s+/g, ' ').trim(), endPunctuation);
  return trimEndOf(trimStartOf(term, quotes), quotes).trim();
}

function searchTerm(text: string): string | undefined {
  for (const pattern of searchPatterns) {
    const raw = pattern.exec(text.trim())?.[1];
    if (raw === undefined) continue;
    const term = cleanTerm(raw);
    if (term) return term;
  }
  return undefined;
}

function commandIntent(said: string): Intent | undefined {
  if (has(said, /^(?:help|\?|commands|menu|options)\b|\bwhat can you do\b|\bhow do(?:es)? (?:this|you|it) work\b|\bhelp\b/)) {
    return { kind: 'help' };
  }
  if (has(said, /\bunread\b|\bwhat did i miss\b|\bdid i miss\b|\bmissed\b|\banything new\b|\bnew messages\b|\bcatch me up\b|\bnotifications?\b/)) {
    return { kind: 'unread' };
  }
  if (has(said, /\bonline\b|\bwho(?:'s| is| are)? (?:here|around|active|on now)\b|\banyone (?:here|around)\b/)) {
    return { kind: 'online' };
  }
  if (has(said, /^(?:everyone|everybody|people|users|members|team)$|\b(?:all|list|show)(?: the| all)? (?:users|people|members)\b|\bwho(?:'s| is) (?:on|in) (?:parley|the team|this workspace)\b|\bwho uses\b/)) {
    return { kind: 'everyone' };
  }
  if (has(said, /\bgroups?\b|\bchannels?\b/)) return { kind: 'groups' };
  if (has(said, /^(?:time|date|now|today|clock)$|\bwhat(?:'s| is)? the (?:time|date)\b|\bwhat time\b|\bwhat day\b|\bwhat date\b|\btoday's date\b/)) {
    return { kind: 'time' };
  }
  return undefined;
}

function smallTalkIntent(said: string): Intent | undefined {
  if (has(said, /\b(?:thanks|thank you|thank u|thx|ty|cheers|much appreciated|appreciate it)\b/)) {
    return { kind: 'thanks' };
  }
  // One trailing word is allowed so "hi bot", "hello there" and "hey Ada" are greetings too.
  if (has(said, /^(?:hi|hello|hey|hiya|howdy|yo|greetings|good (?:morning|afternoon|evening|day)|hallo|hola|salut)\b(?:,?\s*[^\s,]+)?$/)) {
    return { kind: 'greeting' };
  }
  if (has(said, /\bhow are (?:you|u|things)\b|\bhow's it going\b|\bhow do you do\b/)) return { kind: 'how-are-you' };
  return undefined;
}

function lastBotTurn(history: BotTurn[]): BotTurn | undefined {
  const last = history.at(-1);
  return last && !last.isUser ? last : undefined;
}

/**
 * Reads one message. Order matters: an explicit search wins (its term may contain any word), then
 * the workspace commands, then small talk, so "hi, who is online?" answers who is online.
 */
export function parseIntent(text: string, history: BotTurn[]): Intent {
  const said = normalize(text);
  if (!said) return { kind: 'unknown' };
  const term = searchTerm(text);
  if (term !== undefined) return { kind: 'search', term };
  if (bareSearch.test(said)) return { kind: 'ask-search-term' };
  const intent = commandIntent(said) ?? smallTalkIntent(said);
  if (intent) return intent;
  // Answering "What should I search for?" with just a word searches for that word.
  if (lastBotTurn(history)?.text.trim() === searchTermQuestion) {
    const answer = cleanTerm(text);
    if (answer) return { kind: 'search', term: answer };
  }
  return { kind: 'unknown' };
}
