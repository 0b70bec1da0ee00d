import { messageSendSchema, type SelfUser } from '@parley/shared';
import { createParleyApi } from '@parley/shared/client';
import type { ConnectionState, ConversationRef, ParleyBridge, Result, ServerEvent } from '@parley/shared/ipc';
import { fullName } from '../lib/format';
import { isSafeExternalUrl } from '../lib/links';
import { createListeners } from './listeners';
import { askNotificationPermission, conversationOfEvent, sameConversation, showBrowserNotification } from './web-notify';
import { readSession, writeSession } from './web-session';
import { createSocketLink } from './web-socket';

const notInBrowser = { code: 'forbidden', message: 'not available in the browser' } as const;

/** The bridge for the web client: same interface as the desktop preload, implemented in the page. */
export function createWebBridge(baseUrl: string = window.location.origin, storage: Storage = window.localStorage): ParleyBridge {
  let session = readSession(storage);
  let activeConversation: ConversationRef | null = null;
  // Names for notifications, learned from the lists the renderer fetches through this bridge.
  const userNames = new Map<number, string>();
  const groupNames = new Map<number, string>();

  const serverEvents = createListeners<ServerEvent>();
  const connectionStates = createListeners<ConnectionState>();
  const resyncs = createListeners<null>();
  const openRequests = createListeners<ConversationRef>();

  function endSession(): void {
    session = null;
    writeSession(storage, null);
    socket.disconnect();
    connectionStates.emit({ status: 'signed_out' });
  }

  const rest = createParleyApi({
    // Called on window: a detached `fetch` throws "Illegal invocation" in the browser.
    fetch: (url, init) => window.fetch(url, init),
    baseUrl: () => baseUrl,
    token: () => session?.token ?? null,
    onUnauthorized: endSession,
  });

  const socket = createSocketLink(baseUrl, {
    onEvent(event) {
      serverEvents.emit(event);
      if (event.event === 'message' && session) notifyIfUnseen(event.payload, session.user);
      if (event.event === 'user_registered') userNames.set(event.payload.user_id, fullName(event.payload));
      if (event.event === 'group_created' || event.event === 'group_updated') groupNames.set(event.payload.chat_group_id, event.payload.chat_group_name);
    },
    onState: (state) => connectionStates.emit(state),
    onResync: () => resyncs.emit(null),
    onUnauthorized: endSession,
  });

  function notifyIfUnseen(event: Parameters<typeof conversationOfEvent>[0], self: SelfUser): void {
    const conversation = conversationOfEvent(event, self.user_id);
    if (!conversation || event.chat_type === 'bot' || event.user_id === self.user_id) return;
    if (!document.hidden && sameConversation(conversation, activeConversation)) return;
    const author = userNames.get(event.user_id) ?? 'Someone';
    const title = event.chat_type === 'group' ? `${author} in ${groupNames.get(event.chat_group_id) ?? 'a group'}` : author;
    showBrowserNotification({
      title,
      body: event.message,
      tag: event.chat_type === 'group' ? `group-${event.chat_group_id}` : `room-${event.chat_room_id}`,
      onClick: () => openRequests.emit(conversation),
    });
  }

  function ok<T>(value: T): Result<T> {
    return { ok: true, value };
  }

  return {
    platform: 'web',
    server: {
      current: async () => ok({ mode: 'remote', url: baseUrl }),
      join: async () => ({ ok: false, error: notInBrowser }),
      host: async () => ({ ok: false, error: notInBrowser }),
      setSharing: async () => ({ ok: false, error: notInBrowser }),
      outbox: async () => ok([]),
      forget: async () => ({ ok: false, error: notInBrowser }),
    },
    auth: {
      register: (request) => rest.register(request),
      async login(request) {
        askNotificationPermission();
        const result = await rest.login(request);
        if (!result.ok) return result;
        session = { token: result.value.token, user: result.value.user };
        writeSession(storage, session);
        socket.connect(session.token);
        return ok(result.value.user);
      },
      async logout() {
        const result = await rest.logout();
        // Signed out locally whatever the server said: a dead token is as good as revoked.
        endSession();
        return result.ok || result.error.code === 'unauthorized' ? ok(null) : result;
      },
      async session() {
        const stored = session;
        if (!stored) return ok(null);
        // There is no "who am I" call; any authenticated request proves the token still works.
        // Only `unauthorized` ends the session: a server that is down or whose database is
        // (503, a network error) leaves it signed in, and the socket keeps trying.
        const probe = await rest.notifications();
        if (!probe.ok && probe.error.code === 'unauthorized') return ok(null);
        socket.connect(stored.token);
        return ok(stored.user);
      },
      // localStorage outlasts the tab: the browser keeps the sign-in.
      keepsSignIn: async () => ok(true),
    },
    api: {
      async users() {
        const result = await rest.users();
        if (result.ok) for (const u of result.value.users) userNames.set(u.user_id, fullName(u));
        return result;
      },
      notifications: () => rest.notifications(),
      async markRead(request) {
        const result = await rest.markRead(request);
        return result.ok ? ok(null) : result;
      },
      botHistory: (page) => rest.botHistory(page),
      chatRooms: () => rest.chatRooms(),
      chatRoom: (roomId, page) => rest.chatRoom(roomId, page),
      async chatGroups() {
        const result = await rest.chatGroups();
        if (result.ok) for (const g of result.value.chat_groups) groupNames.set(g.chat_group_id, g.chat_group_name);
        return result;
      },
      chatGroup: (groupId, page) => rest.chatGroup(groupId, page),
      createGroup: (request) => rest.createGroup(request),
      renameGroup: (groupId, name) => rest.renameGroup(groupId, name),
    },
    chat: {
      async send(payload) {
        const parsed = messageSendSchema.safeParse(payload);
        if (!parsed.success) return { ok: false, error: { code: 'invalid_input', message: 'This message cannot be sent.' } };
        return socket.send(parsed.data);
      },
      leaveGroup: (groupId) => socket.leaveGroup(groupId),
    },
    events: {
      onServerEvent: (listener) => serverEvents.add(listener),
      onConnectionState: (listener) => connectionStates.add(listener),
      onResync: (listener) => resyncs.add(() => listener()),
      onOpenConversation: (listener) => openRequests.add(listener),
    },
    ui: {
      setActiveConversation(conversation) {
        activeConversation = conversation;
      },
      async openExternal(url) {
        if (!isSafeExternalUrl(url)) return { ok: false, error: { code: 'invalid_input', message: 'Only http and https links can be opened.' } };
        window.open(url, '_blank', 'noopener');
        return ok(null);
      },
    },
  };
}
