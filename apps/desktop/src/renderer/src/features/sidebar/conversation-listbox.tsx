import { createContext, useContext, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { ConversationKey } from '@parley/shared';
import { useApp } from '../../stores/app-store';

interface RovingFocus {
  /** The one option of this list reached with Tab. */
  tabbable: ConversationKey | null;
  focused: (key: ConversationKey) => void;
}

const RovingContext = createContext<RovingFocus>({ tabbable: null, focused: () => undefined });

export function useRovingFocus(): RovingFocus {
  return useContext(RovingContext);
}

/**
 * A sidebar list as ARIA's listbox: one Tab stop (the option last focused, else the open
 * conversation, else the first), ↑/↓/Home/End move focus, Enter or Space opens (in the options).
 */
export function ConversationListbox({ keys, labelledBy, label, children }: { keys: readonly ConversationKey[]; labelledBy?: string; label?: string; children: ReactNode }) {
  const active = useApp((s) => s.active);
  const [last, setLast] = useState<ConversationKey | null>(null);
  const tabbable = last !== null && keys.includes(last) ? last : active !== null && keys.includes(active) ? active : (keys[0] ?? null);

  function onKeyDown(event: KeyboardEvent<HTMLUListElement>) {
    // Alt+arrows belong to the window (previous/next conversation).
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const options = [...event.currentTarget.querySelectorAll<HTMLElement>('[role="option"]')];
    const at = options.findIndex((option) => option === document.activeElement);
    const target =
      event.key === 'ArrowDown' ? options[Math.min(at + 1, options.length - 1)]
      : event.key === 'ArrowUp' ? options[Math.max(at - 1, 0)]
      : event.key === 'Home' ? options[0]
      : event.key === 'End' ? options[options.length - 1]
      : undefined;
    if (!target) return;
    event.preventDefault();
    target.focus();
  }

  return (
    <RovingContext.Provider value={{ tabbable, focused: setLast }}>
      <ul className="sidebar-list" role="listbox" aria-labelledby={labelledBy} aria-label={label} onKeyDown={onKeyDown}>
        {children}
      </ul>
    </RovingContext.Provider>
  );
}
