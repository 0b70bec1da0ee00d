import type { ConversationKey } from '@parley/shared';
import { fullName } from '../../lib/format';
import type { AppState } from '../../stores/app-store';
import { selectConversationOrder } from '../../stores/conversation-order';

export interface SwitcherItem {
  key: ConversationKey;
  name: string;
  unread: number;
}

type Source = Pick<AppState, 'users' | 'groups' | 'self' | 'lastActivityByUser' | 'unread'>;

const folded = (text: string) => text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLocaleLowerCase();
const byName = new Intl.Collator(undefined, { sensitivity: 'base' });

function nameOf(state: Source, key: ConversationKey): string | null {
  if (key === 'bot') return 'Parley Bot';
  const [kind, id] = key.split(':') as ['user' | 'group', string];
  if (kind === 'user') {
    const user = state.users[Number(id)];
    return user ? fullName(user) : null;
  }
  return state.groups[Number(id)]?.chat_group_name ?? null;
}

/**
 * The conversations whose name contains every word typed (case and accents ignored): unread ones
 * first, then names that start with the query, then by name.
 */
export function switcherItems(state: Source, query: string): SwitcherItem[] {
  const words = folded(query).split(/\s+/).filter(Boolean);
  const start = folded(query.trim());
  const items: (SwitcherItem & { prefix: boolean })[] = [];
  for (const key of selectConversationOrder(state)) {
    const name = nameOf(state, key);
    if (name === null) continue;
    const haystack = folded(name);
    if (!words.every((word) => haystack.includes(word))) continue;
    items.push({ key, name, unread: state.unread[key] ?? 0, prefix: start !== '' && haystack.startsWith(start) });
  }
  return items
    .sort((a, b) => Number(b.unread > 0) - Number(a.unread > 0) || Number(b.prefix) - Number(a.prefix) || byName.compare(a.name, b.name))
    .map(({ key, name, unread }) => ({ key, name, unread }));
}
