import type { Bot } from '../bot.js';

export interface OpenAiBotConfig {
  apiUrl: string;
  model: string | undefined;
  apiKey: string | undefined;
  timeoutMs: number;
}

export interface OpenAiBotDeps {
  fetch: typeof fetch;
  /** Answers the commands that need workspace data (e.g. `help`) without the model. */
  fallback: Bot;
}

export function createOpenAiBot(_config: OpenAiBotConfig, deps: OpenAiBotDeps): Bot {
  return { reply: (request) => deps.fallback.reply(request) };
}
