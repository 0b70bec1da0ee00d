import { useEffect } from 'react';
import { actions } from '../../actions/app-actions';
import { appStore } from '../../stores/app-store';
import { serverShortcutOf } from '../keyboard/shortcuts';

/** Ctrl/Cmd+1…9 switch to the first nine servers of the switcher, wherever the focus is. */
export function useServerShortcuts(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const index = serverShortcutOf(event);
      if (index === null) return;
      const target = appStore.getState().servers[index];
      if (!target) return;
      event.preventDefault();
      if (!target.active) void actions.switchServer(target.id);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
