import type { Reaction } from '@parley/shared';

/** "👍 2: Ada Lovelace, Bob Smith": the count and who, for the tooltip and the accessible name. */
export function reactionLabel(reaction: Reaction, nameOf: (userId: number) => string): string {
  return `${reaction.emoji} ${reaction.user_ids.length}: ${reaction.user_ids.map(nameOf).join(', ')}`;
}
