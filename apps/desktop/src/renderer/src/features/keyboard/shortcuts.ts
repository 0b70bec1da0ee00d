import type { Direction } from '../../stores/conversation-order';

/** The parts of a keyboard event the shortcuts look at (so they are testable without a DOM). */
export interface KeyPress {
  key: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
}

/** Ctrl+K, or Cmd+K on a Mac: the quick switcher. */
export function isQuickSwitcherShortcut(press: KeyPress): boolean {
  return press.key.toLowerCase() === 'k' && (press.ctrlKey || press.metaKey) && !press.altKey && !press.shiftKey;
}

/** Alt+↑/↓ steps through conversations, Alt+Shift+↑/↓ through unread ones. */
export function conversationStepOf(press: KeyPress): { direction: Direction; unreadOnly: boolean } | null {
  if (!press.altKey || press.ctrlKey || press.metaKey) return null;
  if (press.key === 'ArrowUp') return { direction: 'previous', unreadOnly: press.shiftKey };
  if (press.key === 'ArrowDown') return { direction: 'next', unreadOnly: press.shiftKey };
  return null;
}

/** Ctrl/Cmd+1…9: the nth server of the switcher (0-based here), or null. */
export function serverShortcutOf(press: KeyPress): number | null {
  if (!(press.ctrlKey || press.metaKey) || press.altKey || press.shiftKey) return null;
  if (!/^[1-9]$/u.test(press.key)) return null;
  return Number(press.key) - 1;
}
