import type { UserSummary } from '@parley/shared';
import type { FoundMessage, WorkspaceLookup } from '../bot.js';
import { cutToCodePoints, oneLine, plural } from './reply-text.js';
import { maxSearchTermCodePoints } from './intent.js';
import { formatWhen } from './when.js';

/** How many matches one reply shows; the lookup is asked for exactly this many. */
export const searchLimit = 10;
const maxQuotedCodePoints = 160;

function describe(found: FoundMessage, now: Date): string {
  return `• ${found.author} in ${found.where}, ${formatWhen(found.at, now)}:\n  “${oneLine(found.text, maxQuotedCodePoints)}”`;
}

/** "find <word>": messages the user can see that contain the word, newest first. */
export async function searchReply(lookup: WorkspaceLookup, me: UserSummary, rawTerm: string, now: Date): Promise<string> {
  const term = cutToCodePoints(rawTerm, maxSearchTermCodePoints).replace(/…$/, '');
  const found = await lookup.searchMessages(me.user_id, term, searchLimit);
  if (found.length === 0) return `I found no messages about “${term}” in your conversations.`;
  const heading =
    found.length >= searchLimit
      ? `The ${searchLimit} newest messages about “${term}” (times in UTC):`
      : `${plural(found.length, 'message', 'messages')} about “${term}”, newest first (times in UTC):`;
  return `${heading}\n${found.slice(0, searchLimit).map((item) => describe(item, now)).join('\n')}`;
}
