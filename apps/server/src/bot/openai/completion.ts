import { z } from 'zod';
import type { UserSummary } from '@parley/shared';
import type { BotRequest } from '../bot.js';
import { formatNow } from '../builtin/when.js';
import { fullName } from '../builtin/reply-text.js';

/** Older turns than this are left out: enough context for a chat, bounded cost per request. */
export const maxHistoryTurns = 20;

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/** Only what we read of an OpenAI-compatible answer; other fields vary by server and are ignored. */
export const completionSchema = z.object({
  choices: z
    .array(z.object({ message: z.object({ content: z.string().nullish() }) }))
    .min(1),
});

export function systemPrompt(user: UserSummary, now: Date): string {
  return [
    `You are Parley's workspace assistant, chatting with ${fullName(user)} inside Parley, a team chat app.`,
    `It is ${formatNow(now)}.`,
    'Answer briefly and helpfully in plain text: no HTML, no Markdown tables.',
    'You cannot see the workspace yourself. For who is online, the people on Parley, unread messages,',
    'searching messages or the list of groups, suggest the commands "who is online", "everyone",',
    '"unread", "find <word>" and "groups", which Parley answers directly.',
  ].join(' ');
}

export function completionMessages(request: BotRequest): ChatMessage[] {
  const history = request.history.slice(-maxHistoryTurns).map(
    (turn): ChatMessage => ({ role: turn.isUser ? 'user' : 'assistant', content: turn.text }),
  );
  return [
    { role: 'system', content: systemPrompt(request.user, request.now) },
    ...history,
    { role: 'user', content: request.text },
  ];
}

// Reasoning models served by Ollama or llama.cpp put their thinking in the content; users want the answer.
const thinking = /<think>[\s\S]*?<\/think>/g;

/** The reply text of a parsed answer, or undefined when there is nothing worth showing. */
export function completionText(body: unknown): string | undefined {
  const parsed = completionSchema.safeParse(body);
  if (!parsed.success) return undefined;
  const content = parsed.data.choices[0]?.message.content ?? '';
  const text = content.replace(thinking, '').trim();
  return text || undefined;
}
