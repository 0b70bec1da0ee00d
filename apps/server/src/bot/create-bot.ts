import type { Bot, WorkspaceLookup } from './bot.js';
import { createBuiltinBot } from './builtin/builtin-bot.js';
import { createOpenAiBot } from './openai/openai-bot.js';

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
}

export function createBot(config: BotConfig, lookup: WorkspaceLookup, deps: CreateBotDeps = {}): Bot {
  const builtin = createBuiltinBot(lookup);
  const apiUrl = config.apiUrl?.trim();
  if (!apiUrl) return builtin;
  return createOpenAiBot(
    {
      apiUrl,
      model: config.model?.trim() || undefined,
      apiKey: config.apiKey?.trim() || undefined,
      timeoutMs: config.timeoutMs,
    },
    { fetch: deps.fetch ?? globalThis.fetch, fallback: builtin },
  );
}
