import type { Bot, BotRequest } from '../bot.js';
import type { BuiltinBot } from '../builtin/builtin-bot.js';
import { callName, finishReply } from '../builtin/reply-text.js';
import { completionMessages, completionText } from './completion.js';
import { BodyTooLargeError, readCappedText } from './read-capped.js';

export const defaultModel = 'llama3.2';
export const defaultTimeoutMs = 15_000;
const maxResponseBytes = 1024 * 1024;

export interface OpenAiBotConfig {
  /** The base that `/chat/completions` is appended to, e.g. `http://127.0.0.1:11434/v1`. */
  apiUrl: string;
  model: string | undefined;
  apiKey: string | undefined;
  timeoutMs: number;
}

export interface OpenAiBotDeps {
  fetch: typeof fetch;
  /** Answers the workspace commands (help, who is online, find…) from real data, without the model. */
  fallback: BuiltinBot;
  /** Told why a completion failed, in a fixed phrase that never holds the key or the raw error. */
  warn?: (reason: string) => void;
}

/** Why a completion gave nothing to show; the user only ever sees the polite reply. */
class CompletionFailure extends Error {}

export function completionsUrl(apiUrl: string): string {
  return `${apiUrl.trim().replace(/\/+$/, '')}/chat/completions`;
}

export function unavailableReply(request: BotRequest): string {
  return `Sorry ${callName(request.user)}, the assistant is unavailable right now. Please try again in a moment. Meanwhile, "help" lists what I can answer on my own.`;
}

function failureReason(error: unknown): string {
  if (error instanceof CompletionFailure) return error.message;
  if (error instanceof BodyTooLargeError) return 'response too large';
  if (error instanceof Error && error.name === 'TimeoutError') return 'timed out';
  if (error instanceof Error && error.name === 'AbortError') return 'aborted';
  return 'request failed';
}

export function createOpenAiBot(config: OpenAiBotConfig, deps: OpenAiBotDeps): Bot {
  const model = config.model?.trim() || defaultModel;
  const timeoutMs = Number.isFinite(config.timeoutMs) && config.timeoutMs > 0 ? config.timeoutMs : defaultTimeoutMs;
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
  if (config.apiKey) headers.authorization = `Bearer ${config.apiKey}`;

  async function complete(request: BotRequest): Promise<string> {
    const response = await deps.fetch(completionsUrl(config.apiUrl), {
      method: 'POST',
      headers,
      body: JSON.stringify({ model, messages: completionMessages(request), stream: false }),
      // One signal bounds the whole exchange, body included.
      signal: AbortSignal.timeout(timeoutMs),
      // A redirect could carry the key to another host; a real endpoint answers directly.
      redirect: 'error',
    });
    if (!response.ok) {
      await response.body?.cancel();
      throw new CompletionFailure(`HTTP ${response.status}`);
    }
    let body: unknown;
    try {
      body = JSON.parse(await readCappedText(response, maxResponseBytes));
    } catch (error) {
      if (error instanceof SyntaxError) throw new CompletionFailure('malformed JSON');
      throw error;
    }
    const text = completionText(body);
    if (text === undefined) throw new CompletionFailure('no reply content');
    return text;
  }

  return {
    async reply(request) {
      if (deps.fallback.isCommand(request)) return deps.fallback.reply(request);
      try {
        return finishReply(await complete(request));
      } catch (error) {
        deps.warn?.(`bot completion failed: ${failureReason(error)}`);
        return finishReply(unavailableReply(request));
      }
    },
  };
}
