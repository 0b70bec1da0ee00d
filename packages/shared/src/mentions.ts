/**
 * A mention is the token `<@user id>` in the message text: the text stays exactly what was sent,
 * the reference survives a rename (clients show the person's name as it is now), and a client
 * that knows nothing of mentions still shows something readable. Slack's wire form, for the same
 * reasons.
 */
export type MentionSegment = { kind: 'text'; text: string } | { kind: 'mention'; userId: number };

const mentionPattern = /<@([1-9][0-9]{0,15})>/g;

export function mentionToken(userId: number): string {
  return `<@${userId}>`;
}

/** The text cut into plain runs and mentions, in order; every character of it kept. */
export function mentionSegments(text: string): MentionSegment[] {
  const segments: MentionSegment[] = [];
  let at = 0;
  for (const match of text.matchAll(mentionPattern)) {
    const start = match.index;
    if (start > at) segments.push({ kind: 'text', text: text.slice(at, start) });
    segments.push({ kind: 'mention', userId: Number(match[1]) });
    at = start + match[0].length;
  }
  if (at < text.length) segments.push({ kind: 'text', text: text.slice(at) });
  return segments;
}

/** The people a text mentions, each once. */
export function mentionedUserIds(text: string): number[] {
  return [...new Set(mentionSegments(text).flatMap((s) => (s.kind === 'mention' ? [s.userId] : [])))];
}

export function mentionsUser(text: string, userId: number | null): boolean {
  return userId !== null && text.includes(mentionToken(userId));
}

/** The text with each mention written as "@Name" (a notification, a preview). */
export function withMentionNames(text: string, nameOf: (userId: number) => string | null): string {
  return mentionSegments(text)
    .map((s) => (s.kind === 'text' ? s.text : `@${nameOf(s.userId) ?? 'someone'}`))
    .join('');
}
