import { useEffect, useId, useMemo, useState, type KeyboardEvent } from 'react';
import type { ConversationKey } from '@parley/shared';
import { actions } from '../../actions/app-actions';
import { useAppShallow } from '../../stores/app-store';
import { Dialog } from '../../ui/dialog';
import { isQuickSwitcherShortcut } from '../keyboard/shortcuts';
import { switcherItems } from './switcher-items';
import './quick-switcher.css';

/**
 * Ctrl/Cmd+K: a box that lists conversations by name, unread first. It owns its shortcut and its
 * open state, so the rest of the window needs only to render it.
 */
export function QuickSwitcher() {
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const onKeyDown = (event: globalThis.KeyboardEvent) => {
      if (!isQuickSwitcherShortcut(event)) return;
      event.preventDefault();
      setOpen((was) => !was);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
  return open ? <SwitcherDialog onClose={() => setOpen(false)} /> : null;
}

function SwitcherDialog({ onClose }: { onClose: () => void }) {
  const [query, setQuery] = useState('');
  const [at, setAt] = useState(0);
  const listId = useId();
  const source = useAppShallow((s) => ({ users: s.users, groups: s.groups, self: s.self, lastActivityByUser: s.lastActivityByUser, unread: s.unread }));
  const items = useMemo(() => switcherItems(source, query), [source, query]);
  const current = Math.min(at, items.length - 1);
  const optionId = (key: ConversationKey) => `${listId}-${key}`;

  function choose(key: ConversationKey | undefined) {
    if (!key) return;
    onClose();
    void actions.open(key);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown') setAt(Math.min(current + 1, items.length - 1));
    else if (event.key === 'ArrowUp') setAt(Math.max(current - 1, 0));
    else if (event.key === 'Enter') choose(items[current]?.key);
    else return;
    event.preventDefault();
  }

  const activeItem = items[current];
  return (
    <Dialog title="Jump to a conversation" onClose={onClose}>
      <input
        className="switcher-input"
        role="combobox"
        aria-label="Conversation name"
        aria-expanded="true"
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={activeItem ? optionId(activeItem.key) : undefined}
        placeholder="Type a name"
        autoFocus
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setAt(0);
        }}
        onKeyDown={onKeyDown}
      />
      <ul className="switcher-list" id={listId} role="listbox" aria-label="Conversations">
        {items.map((item, index) => (
          <li
            key={item.key}
            id={optionId(item.key)}
            role="option"
            aria-selected={index === current}
            className={index === current ? 'switcher-option current' : 'switcher-option'}
            onMouseMove={() => setAt(index)}
            onClick={() => choose(item.key)}
          >
            <span className="switcher-name">{item.name}</span>
            {item.unread > 0 ? (
              <>
                {' '}
                <span className="unread-badge">
                  <span aria-hidden="true">{item.unread > 99 ? '99+' : item.unread}</span>
                  <span className="visually-hidden">{item.unread} unread</span>
                </span>
              </>
            ) : null}
          </li>
        ))}
      </ul>
      {items.length === 0 ? <p className="switcher-empty">No conversation matches “{query}”.</p> : null}
      <p className="switcher-hint">↑↓ to move, Enter to open, Esc to close</p>
    </Dialog>
  );
}
