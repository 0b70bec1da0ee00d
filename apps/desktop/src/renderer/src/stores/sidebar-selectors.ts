import type { ChatGroupSummary, UserWithPresence } from '@parley/shared';
import { fullName } from '../lib/format';
import type { AppState } from './app-store';

const byName = new Intl.Collator(undefined, { sensitivity: 'base' });

/** Everyone but yourself: most recent conversation first, then by name. */
export function sortPeople(
  users: readonly UserWithPresence[],
  selfId: number | null,
  lastActivityByUser: Readonly<Record<number, string>>,
): UserWithPresence[] {
  return users
    .filter((u) => u.user_id !== selfId)
    .sort((a, b) => {
      const at = lastActivityByUser[a.user_id] ?? '';
      const bt = lastActivityByUser[b.user_id] ?? '';
      if (at !== bt) return at < bt ? 1 : -1;
      return byName.compare(fullName(a), fullName(b)) || a.user_id - b.user_id;
    });
}

function sortGroups(groups: readonly ChatGroupSummary[]): ChatGroupSummary[] {
  return [...groups].sort((a, b) => byName.compare(a.chat_group_name, b.chat_group_name) || a.chat_group_id - b.chat_group_id);
}

/** Ids only, so the list re-renders when the order changes and each row selects its own data. */
export type SidebarSource = Pick<AppState, 'users' | 'groups' | 'self' | 'lastActivityByUser'>;

export function selectPeopleIds(state: SidebarSource): number[] {
  return sortPeople(Object.values(state.users), state.self?.user_id ?? null, state.lastActivityByUser).map((u) => u.user_id);
}

export function selectGroupIds(state: Pick<AppState, 'groups'>): number[] {
  return sortGroups(Object.values(state.groups)).map((g) => g.chat_group_id);
}
