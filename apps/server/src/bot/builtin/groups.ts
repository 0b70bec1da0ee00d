import type { WorkspaceLookup } from '../bot.js';
import { bulletList, plural } from './reply-text.js';

const maxListed = 50;

/** "groups": every group with its size, the ones I am in first. */
export async function groupsReply(lookup: WorkspaceLookup): Promise<string> {
  const groups = [...(await lookup.groups())].sort(
    (a, b) => Number(b.isMember) - Number(a.isMember) || a.name.localeCompare(b.name, 'en'),
  );
  if (groups.length === 0) return 'There are no groups yet. You can create the first one.';
  const mine = groups.filter((group) => group.isMember).length;
  const lines = groups.map(
    (group) => `${group.name} — ${plural(group.memberCount, 'member', 'members')}${group.isMember ? ", you're in it" : ''}`,
  );
  const heading = `There ${groups.length === 1 ? 'is 1 group' : `are ${groups.length} groups`}; you're in ${mine}:`;
  return `${heading}\n${bulletList(lines, maxListed)}`;
}
