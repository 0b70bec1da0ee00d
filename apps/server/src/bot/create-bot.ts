import type { Bot, WorkspaceLookup } from './bot.js';
import { createBuiltinBot } from './builtin/builtin-bot.js';
import { createOpenAiBot, defaultModel } from './openai/openai-bot.js';

/** How the bot is chosen at start: no `apiUrl` means the offline built-in bot. */
export interface BotConfig {
  /** Base URL that `/chat/completions` is appended to, e.g. `http://127.0.0.1:11434/v1`. */
  apiUrl?: string;
  model?: string;
  apiKey?: string;
  timeoutMs: number;
}

export interface CreateBotDeps {
  fetch?: typeof fetch;
  /** Where to report a failed completion (a fixed phrase, never the key or raw error text). */
  warn?: (reason: string) => void;
}

export function createBot(config: BotConfig, lookup: WorkspaceLookup, deps: CreateBotDeps = {}): Bot {
  const apiUrl = config.apiUrl?.trim();
  if (!apiUrl) return createBuiltinBot(lookup);
  const model = config.model?.trim() || defaultModel;
  // The workspace commands keep answering from real data; everything else goes to the model.
  const builtin = createBuiltinBot(lookup, { helpExtra: `Anything else you ask goes to the AI model ${model}.` });
  return createOpenAiBot(
    { apiUrl, model, apiKey: config.apiKey?.trim() || undefined, timeoutMs: config.timeoutMs },
    { fetch: deps.fetch ?? globalThis.fetch, fallback: builtin, ...(deps.warn ? { warn: deps.warn } : {}) },
  );
}
