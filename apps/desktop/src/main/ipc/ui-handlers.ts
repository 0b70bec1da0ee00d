import { uiIpc, type ConversationRef, type Result } from '@parley/shared/ipc';
import { checkExternalUrl } from '../security/open-external.js';
import { handleInvoke, handleSend, type IpcGuard } from './guard.js';

export function registerUiHandlers(
  guard: IpcGuard,
  ui: {
    setActiveConversation: (conversation: ConversationRef | null) => void;
    openExternal: (url: string) => Promise<void>;
  },
): void {
  handleSend(guard, uiIpc.setActiveConversation, ([conversation]) => ui.setActiveConversation(conversation));
  handleInvoke(guard, uiIpc.openExternal, async ([url]): Promise<Result<null>> => {
    const checked = checkExternalUrl(url);
    if (!checked.ok) return { ok: false, error: { code: 'invalid_input', message: checked.reason, fields: { url: checked.reason } } };
    await ui.openExternal(checked.url);
    return { ok: true, value: null };
  });
}
