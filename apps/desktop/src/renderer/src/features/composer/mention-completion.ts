import { mentionToken } from '@parley/shared';

/** The "@word" being typed just before the caret, if any: what the completion list filters by. */
export function mentionQueryAt(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(0, caret);
  const match = /(^|\s)@([\p{L}\p{M}\p{N}'-]{0,30})$/u.exec(before);
  if (!match) return null;
  return { start: caret - match[2]!.length - 1, query: match[2]!.toLowerCase() };
}

export interface MentionCandidate {
  userId: number;
  name: string;
}

/** People whose first or last name (or full name) starts with the query, at most `max`. */
export function mentionCandidates(people: MentionCandidate[], query: string, max = 6): MentionCandidate[] {
  const q = query.toLowerCase();
  return people
    .filter((p) => p.name.toLowerCase().split(/\s+/).some((part) => part.startsWith(q)) || p.name.toLowerCase().startsWith(q))
    .slice(0, max);
}

/**
 * The composer shows "@Ada Lovelace"; what is sent carries `<@id>`. Each chosen mention's label
 * is replaced by its token, longest labels first, so "@Ada Lovelace" is not read as "@Ada".
 */
export function toWireText(text: string, chosen: readonly MentionCandidate[]): string {
  let out = text;
  for (const person of [...chosen].sort((a, b) => b.name.length - a.name.length)) {
    out = out.split(`@${person.name}`).join(mentionToken(person.userId));
  }
  return out;
}

/** Back from the wire form to what the composer shows (a draft saved with tokens). */
export function toComposerText(text: string, nameOf: (userId: number) => string | null): { text: string; chosen: MentionCandidate[] } {
  const chosen: MentionCandidate[] = [];
  const shown = text.replace(/<@([1-9][0-9]{0,15})>/g, (token, id: string) => {
    const name = nameOf(Number(id));
    if (!name) return token;
    if (!chosen.some((c) => c.userId === Number(id))) chosen.push({ userId: Number(id), name });
    return `@${name}`;
  });
  return { text: shown, chosen };
}
