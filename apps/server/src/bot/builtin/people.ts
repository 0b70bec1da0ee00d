import type { UserSummary } from '@parley/shared';
import type { WorkspaceLookup } from '../bot.js';
import { bulletList, fullName, plural } from './reply-text.js';

const maxListed = 50;

function byName(a: UserSummary, b: UserSummary): number {
  return fullName(a).localeCompare(fullName(b), 'en') || a.user_id - b.user_id;
}

function label(person: UserSummary, me: UserSummary): string {
  return person.user_id === me.user_id ? `${fullName(person)} (you)` : fullName(person);
}

/** "who is online" / "who is here" */
export async function onlineReply(lookup: WorkspaceLookup, me: UserSummary): Promise<string> {
  // Keyed by id: someone online on two devices is still one person.
  const online = new Map((await lookup.onlineUsers()).map((person) => [person.user_id, person]));
  online.delete(me.user_id);
  const others = [...online.values()].sort(byName);
  if (others.length === 0) {
    return 'Nobody else is online right now. Messages you send will wait for them.';
  }
  const heading = others.length === 1 ? '1 other person is online right now:' : `${others.length} other people are online right now:`;
  return `${heading}\n${bulletList(others.map((person) => label(person, me)), maxListed)}`;
}

/** "everyone" / "people": all users, online ones first and marked. */
export async function everyoneReply(lookup: WorkspaceLookup, me: UserSummary): Promise<string> {
  const everyone = await lookup.allUsers();
  if (everyone.every((person) => person.user_id === me.user_id)) {
    return "It's just you on Parley so far. Invite your team!";
  }
  const sorted = [...everyone].sort((a, b) => Number(b.online) - Number(a.online) || byName(a, b));
  const onlineCount = everyone.filter((person) => person.online).length;
  const lines = sorted.map((person) => `${label(person, me)} — ${person.online ? 'online' : 'offline'}`);
  return `${plural(everyone.length, 'person is', 'people are')} on Parley, ${onlineCount} online:\n${bulletList(lines, maxListed)}`;
}
