import { useEffect } from 'react';
import { actions } from '../../actions/app-actions';
import { appStore } from '../../stores/app-store';
import { selectConversationOrder, stepConversation } from '../../stores/conversation-order';
import { conversationStepOf } from './shortcuts';

/** Alt+↑/↓ and Alt+Shift+↑/↓ anywhere in the signed-in window, the composer included. */
export function useConversationSteps(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const step = conversationStepOf(event);
      if (!step) return;
      event.preventDefault();
      const state = appStore.getState();
      const target = stepConversation(selectConversationOrder(state), state.active, step.direction, state.unread, step.unreadOnly);
      if (target) void actions.open(target);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
