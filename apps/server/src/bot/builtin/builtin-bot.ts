import type { Bot, BotRequest, WorkspaceLookup } from '../bot.js';
import {
  apologyReply, greetingReply, helpReply, howAreYouReply, thanksReply, timeReply, unknownReply,
} from './conversation.js';
import { groupsReply } from './groups.js';
import { parseIntent, searchTermQuestion, type Intent } from './intent.js';
import { everyoneReply, onlineReply } from './people.js';
import { finishReply } from './reply-text.js';
import { searchReply } from './search.js';
import { unreadReply } from './unread.js';

export interface BuiltinBotOptions {
  /** A line appended to `help`, e.g. to say that other questions go to a language model. */
  helpExtra?: string;
}

/** The built-in bot, plus the reading of a message so another bot can reuse both. */
export interface BuiltinBot extends Bot {
  /** Whether this message is one of the built-in commands (not small talk or unknown). */
  isCommand(request: BotRequest): boolean;
}

const commandKinds = new Set<Intent['kind']>(['help', 'online', 'everyone', 'unread', 'search', 'ask-search-term', 'groups', 'time']);

async function answer(intent: Intent, request: BotRequest, lookup: WorkspaceLookup, options: BuiltinBotOptions): Promise<string> {
  const { user, now, text } = request;
  switch (intent.kind) {
    case 'help': return helpReply(user, options.helpExtra);
    case 'online': return onlineReply(lookup, user);
    case 'everyone': return everyoneReply(lookup, user);
    case 'unread': return unreadReply(lookup, user);
    case 'search': return searchReply(lookup, user, intent.term, now);
    case 'ask-search-term': return searchTermQuestion;
    case 'groups': return groupsReply(lookup);
    case 'time': return timeReply(now);
    case 'greeting': return greetingReply(user);
    case 'how-are-you': return howAreYouReply(user);
    case 'thanks': return thanksReply(user);
    case 'unknown': return unknownReply(user, text);
  }
}

/** Works offline with no setup: a small command parser over the workspace lookup. */
export function createBuiltinBot(lookup: WorkspaceLookup, options: BuiltinBotOptions = {}): BuiltinBot {
  return {
    isCommand: (request) => commandKinds.has(parseIntent(request.text, request.history).kind),
    async reply(request) {
      try {
        return finishReply(await answer(parseIntent(request.text, request.history), request, lookup, options));
      } catch {
        // A failed lookup (database down, presence unavailable) must still give the user an answer.
        return finishReply(apologyReply(request.user));
      }
    },
  };
}
