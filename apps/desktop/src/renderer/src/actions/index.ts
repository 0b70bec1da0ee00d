import type { ChangePasswordRequest, LoginRequest, RegisterRequest, UpdateMeRequest } from '@parley/shared';
import type { ParleyBridge } from '@parley/shared/ipc';
import type { AppStore } from '../stores/app-store';
import { keyOf, type Attachment, type ConversationKey } from '@parley/shared';
import { changePassword, requestPasswordReset, updateMe } from './account-actions';
import type { ActionContext } from './context';
import { catchUp, loadOlder, markActiveRead, openConversation, openConversationAt } from './conversation-actions';
import { runSearch } from './search-actions';
import { loadDirectory } from './directory-actions';
import { retryMessage, retryUnconfirmed, sendMessage } from './send-actions';
import { handleServerEvent } from './server-events';
import { deleteMessage, editMessage, noteTyping, stoppedTyping, toggleReaction } from './message-change-actions';
import { boot, clearSession, login, logout, register } from './session-actions';
import { addServer, removeServer, switchServer } from './server-list-actions';

export type Actions = ReturnType<typeof createActions>;

/** Everything the UI can ask for, bound to one store and one bridge. */
export function createActions(ctx: ActionContext) {
  return {
    boot: () => boot(ctx),
    login: (request: LoginRequest) => login(ctx, request),
    register: (request: RegisterRequest) => register(ctx, request),
    logout: () => logout(ctx),
    requestPasswordReset: (email: string) => requestPasswordReset(ctx, email),
    updateMe: (request: UpdateMeRequest) => updateMe(ctx, request),
    changePassword: (request: ChangePasswordRequest) => changePassword(ctx, request),
    open: (key: ConversationKey) => openConversation(ctx, key),
    openAt: (key: ConversationKey, messageId: number) => openConversationAt(ctx, key, messageId),
    search: (query: string, more = false) => runSearch(ctx, query, more),
    loadOlder: (key: ConversationKey) => loadOlder(ctx, key),
    send: (key: ConversationKey, text: string, attachments?: Attachment[]) => {
      stoppedTyping(key);
      return sendMessage(ctx, key, text, attachments);
    },
    edit: (key: ConversationKey, id: number, text: string) => editMessage(ctx, key, id, text),
    delete: (key: ConversationKey, id: number) => deleteMessage(ctx, key, id),
    react: (key: ConversationKey, id: number, emoji: string) => toggleReaction(ctx, key, id, emoji),
    typing: (key: ConversationKey) => noteTyping(ctx, key),
    retry: (key: ConversationKey, clientId: string) => retryMessage(ctx, key, clientId),
    addServer: (url: string) => addServer(ctx, url),
    switchServer: (serverId: string) => switchServer(ctx, serverId),
    removeServer: (serverId: string) => removeServer(ctx, serverId),
    markActiveRead: () => {
      const active = ctx.store.getState().active;
      return active ? markActiveRead(ctx, active) : Promise.resolve();
    },
    resync: async () => {
      if (ctx.store.getState().phase !== 'signed-in') return;
      const active = ctx.store.getState().active;
      await Promise.all([loadDirectory(ctx), active ? catchUp(ctx, active) : Promise.resolve()]);
      await retryUnconfirmed(ctx);
    },
  };
}

/** Wires the bridge's events into the store once; returns the unsubscribe. */
export function subscribe(ctx: ActionContext, actions: Actions): () => void {
  const { bridge, store } = ctx;
  const offs = [
    bridge.events.onServerEvent((event) => void handleServerEvent(ctx, event)),
    bridge.events.onConnectionState((state) => {
      store.getState().setConnection(state);
      if (state.status === 'signed_out' && store.getState().phase === 'signed-in') clearSession(ctx);
    }),
    bridge.events.onResync(() => void actions.resync()),
    bridge.events.onOpenConversation((ref) => void actions.open(keyOf(ref))),
    bridge.events.onServersChanged((servers) => store.getState().setServers(servers)),
  ];
  return () => offs.forEach((off) => off());
}

export function createContext(store: AppStore, bridge: ParleyBridge): ActionContext {
  return {
    store,
    bridge,
    newClientId: () => crypto.randomUUID(),
    now: () => new Date(),
    isVisible: () => typeof document === 'undefined' || document.visibilityState === 'visible',
  };
}
