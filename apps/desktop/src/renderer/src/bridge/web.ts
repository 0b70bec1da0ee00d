import type { MessageEvent } from '@parley/shared';
import {
  Connection,
  createParleyApi,
  decideNotification,
  Directory,
  endOtherSessions,
  realTimers,
  socketIoFactory,
  withCatchUp,
  type SocketFactory,
  type Timers,
} from '@parley/shared/client';
import type { ConnectionState, ConversationRef, ParleyBridge, Result, ServerEvent } from '@parley/shared/ipc';
import { isSafeExternalUrl } from '../lib/links';
import { createListeners } from './listeners';
import { browserNotifier, type BrowserNotifier } from './web-notify';
import { readSession, writeSession } from './web-session';
import { createWebFiles } from './web-files';

const notInBrowser = { code: 'forbidden', message: 'not available in the browser' } as const;

/** What the page lends the client core; tests pass fakes. */
export interface WebBridgeDeps {
  socketFactory: SocketFactory;
  timers: Timers;
  notifier: BrowserNotifier;
  /** Whether the tab is on screen. */
  visible: () => boolean;
}

const pageDeps = (): WebBridgeDeps => ({
  socketFactory: socketIoFactory,
  timers: realTimers,
  notifier: browserNotifier,
  visible: () => !document.hidden,
});

/**
 * The bridge for the web client: the same interface as the desktop preload, a thin shell around
 * the shared client core (REST with catch-up, the connection, the notification decision). It
 * adds only what the page has: localStorage for the session and the Notification API.
 */
export function createWebBridge(
  baseUrl: string = window.location.origin,
  storage: Storage = window.localStorage,
  deps: WebBridgeDeps = pageDeps(),
): ParleyBridge {
  let session = readSession(storage);
  let activeConversation: ConversationRef | null = null;
  // Names for notifications, learned from the lists the renderer fetches and from events.
  const directory = new Directory();

  const serverEvents = createListeners<ServerEvent>();
  const connectionStates = createListeners<ConnectionState>();
  const resyncs = createListeners<null>();
  const openRequests = createListeners<ConversationRef>();

  const connection = new Connection({ socketFactory: deps.socketFactory, timers: deps.timers, random: Math.random });
  connection.onState((state) => connectionStates.emit(state));
  connection.onResync(() => resyncs.emit(null));
  connection.onSessionExpired(() => forgetSession());
  connection.onServerEvent((event) => {
    if (event.event === 'user_updated') rememberSelf(event.payload);
    serverEvents.emit(event);
    if (event.event === 'message') notifyIfUnseen(event.payload);
    else directory.learn(event);
  });

  /** New names of the signed-in user, kept with the stored session so a reload shows them. */
  function rememberSelf(user: { user_id: number; first_name: string; last_name: string }): void {
    if (!session || session.user.user_id !== user.user_id) return;
    session = { ...session, user: { ...session.user, first_name: user.first_name, last_name: user.last_name } };
    writeSession(storage, session);
  }

  function forgetSession(): void {
    session = null;
    writeSession(storage, null);
  }

  function endSession(): void {
    forgetSession();
    const wasOpen = connection.state.status !== 'signed_out';
    connection.stop();
    // A stopped connection reports the sign-out itself; one never started has nothing to report.
    if (!wasOpen) connectionStates.emit({ status: 'signed_out' });
  }

  const rest = withCatchUp(
    createParleyApi({
      // Called on window: a detached `fetch` throws "Illegal invocation" in the browser.
      fetch: (url, init) => window.fetch(url, init),
      baseUrl: () => baseUrl,
      token: () => session?.token ?? null,
      onUnauthorized: endSession,
    }),
  );

  const webFiles = createWebFiles({ baseUrl, token: () => session?.token ?? null, rest, onUnauthorized: endSession });

  function notifyIfUnseen(event: MessageEvent): void {
    if (!session) return;
    const visible = deps.visible();
    const request = decideNotification(event, {
      selfUserId: session.user.user_id,
      activeConversation,
      windowFocused: visible,
      windowVisible: visible,
      directory,
    });
    if (request) deps.notifier.show(request, () => openRequests.emit(request.conversation));
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
    servers: {
      list: async () => ok([]),
      add: async () => ({ ok: false, error: notInBrowser }),
      switchTo: async () => ({ ok: false, error: notInBrowser }),
      remove: async () => ({ ok: false, error: notInBrowser }),
      opening: async () => ok(null),
    },
    auth: {
      register: (request) => rest.register(request),
      async login(request) {
        deps.notifier.askPermission();
        const result = await rest.login(request);
        if (!result.ok) return result;
        session = { token: result.value.token, user: result.value.user };
        writeSession(storage, session);
        connection.start(baseUrl, session.token);
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
        connection.start(baseUrl, stored.token);
        return ok(stored.user);
      },
      // localStorage outlasts the tab: the browser keeps the sign-in.
      keepsSignIn: async () => ok(true),
      async requestPasswordReset(email) {
        const result = await rest.requestPasswordReset(email);
        return result.ok ? ok(null) : result;
      },
    },
    account: {
      async changePassword(request) {
        const result = await rest.changePassword(request);
        return result.ok ? ok(null) : result;
      },
      sessions: () => rest.sessions(),
      async endSession(sessionId) {
        const result = await rest.endSession(sessionId);
        return result.ok ? ok(null) : result;
      },
      endOtherSessions: () => endOtherSessions(rest),
      async updateMe(request) {
        const result = await rest.updateMe(request);
        if (!result.ok) return result;
        rememberSelf(result.value.user);
        return ok(result.value.user);
      },
    },
    api: {
      async users() {
        const result = await rest.users();
        if (result.ok) directory.replaceUsers(result.value.users);
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
        if (result.ok) directory.replaceGroups(result.value.chat_groups);
        return result;
      },
      chatGroup: (groupId, page) => rest.chatGroup(groupId, page),
      createGroup: (request) => rest.createGroup(request),
      renameGroup: (groupId, name) => rest.renameGroup(groupId, name),
      search: (query) => rest.search(query),
    },
    chat: {
      send: (payload) => connection.send(payload),
      leaveGroup: (groupId) => connection.leaveGroup(groupId),
      changeMessage: (request) => connection.changeMessage(request),
      typing: (payload) => connection.typing(payload),
    },
    files: webFiles.files,
    events: {
      onUploadProgress: webFiles.onUploadProgress,
      onServerEvent: (listener) => serverEvents.add(listener),
      onConnectionState: (listener) => connectionStates.add(listener),
      onResync: (listener) => resyncs.add(() => listener()),
      onOpenConversation: (listener) => openRequests.add(listener),
      onServersChanged: () => () => undefined,
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
