import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { networkInterfaces } from 'node:os';
import { dirname, join } from 'node:path';
import type { ConversationRef } from '@parley/shared';
import { Connection, Directory, RoomLinkMap, createParleyApi, realTimers, socketIoFactory, withCatchUp } from '@parley/shared/client';
import { withUserAgent } from './connection/user-agent.js';
import { findFreePort } from './host/free-port.js';
import { checkHealth } from './host/health.js';
import { LocalHost } from './host/local-host.js';
import { shareUrls } from './host/share-urls.js';
import { utilityLauncher } from './host/utility-launcher.js';
import type { EventRelay } from './ipc/event-relay.js';
import { createDownloads, type DownloadWindow } from './files/downloads.js';
import { createUploader } from './files/uploader.js';
import { NotificationCoalescer, type Coalesced } from './notifications/coalescer.js';
import { UnreadCenter, refreshUnread } from './notifications/unread-center.js';
import type { TrayView } from './notifications/unread-state.js';
import type { AppPaths } from './paths.js';
import { AccountService } from './session/account-service.js';
import { AuthService } from './session/auth-service.js';
import { ServerService } from './session/server-service.js';
import { SettingsStore } from './session/settings-store.js';
import { TokenStore, type SecretCipher } from './session/token-store.js';
import type { WindowServer } from './servers/server-switcher.js';

export interface ServiceHooks {
  paths: AppPaths;
  cipher: SecretCipher;
  relay: EventRelay;
  render: (view: TrayView) => void;
  showNotification: (notification: Coalesced) => void;
  window: () => { focused: boolean; visible: boolean };
  log: (line: string) => void;
  /** Sent with every REST call (`desktopUserAgent`). */
  userAgent: string;
  /** The window downloads are saved from, while there is one. */
  downloadWindow: () => DownloadWindow | null;
  downloadsDir: () => string;
}

/** Everything of the main process that is not a window: built once, wired together here. */
export function createServices(hooks: ServiceHooks) {
  const settings = new SettingsStore(hooks.paths.settingsFile);
  const tokens = new TokenStore(hooks.paths.tokenFile, hooks.cipher);
  const ui = { activeConversation: null as ConversationRef | null };

  // Forward references: the REST client needs the server's URL and reports a revoked token.
  let server: ServerService | null = null;
  let auth: AuthService | null = null;
  // History calls with `after` follow every page, so the window gets all it missed in one answer.
  const api = withCatchUp(createParleyApi({
    fetch: withUserAgent(fetch, hooks.userAgent),
    baseUrl: () => server?.url ?? null,
    token: () => tokens.current(),
    onUnauthorized: () => void auth?.endLocally(),
  }));

  const connection = new Connection({ socketFactory: socketIoFactory, timers: realTimers, random: Math.random });
  const directory = new Directory();
  const rooms = new RoomLinkMap();
  const coalescer = new NotificationCoalescer(hooks.showNotification, realTimers);
  const unread = new UnreadCenter({
    directory,
    rooms,
    render: hooks.render,
    notify: (request) => coalescer.push(request),
    forget: (key) => coalescer.forget(key),
    context: () => {
      const window = hooks.window();
      return {
        selfUserId: auth?.self?.user_id ?? null,
        activeConversation: ui.activeConversation,
        windowFocused: window.focused,
        windowVisible: window.visible,
      };
    },
  });
  const refresh = () => refreshUnread(unread, { directory, rooms }, api);

  // Packaged builds carry the web client next to the server bundle (electron-builder.yml).
  const webClientDir = join(dirname(hooks.paths.serverEntry), 'web');
  const host = new LocalHost({
    launcher: utilityLauncher,
    serverEntry: hooks.paths.serverEntry,
    dataDir: hooks.paths.serverDataDir,
    ...(existsSync(webClientDir) ? { webClientDir } : {}),
    environment: process.env,
    makeDir: async (path) => {
      await mkdir(path, { recursive: true });
    },
    findPort: (preferred, bindTo) => findFreePort(preferred, bindTo),
    entryExists: existsSync,
    isHealthy: async (url) => (await checkHealth(url, { timeoutMs: 1000 })).ok,
    shareUrls: (port) => shareUrls(networkInterfaces(), port),
    timers: realTimers,
    log: (line) => hooks.log(`[server] ${line.trimEnd()}`),
  });

  server = new ServerService({
    settings,
    checkHealth: (url) => checkHealth(url),
    host,
    // The mail parser is large and needed only when the outbox is opened: load it then.
    readOutbox: async () => (await import('./host/outbox.js')).readOutbox(host.outboxDir),
    onServerChanged: async () => {
      await auth?.endLocally();
    },
  });

  auth = new AuthService({
    api,
    tokens,
    settings,
    serverUrl: () => server?.url ?? null,
    serverReady: () => server?.whenRestored() ?? Promise.resolve(),
    signedIn: (url, token) => {
      connection.start(url, token);
      void refresh();
    },
    signedOut: () => {
      connection.stop();
      coalescer.clear();
      unread.reset();
    },
  });

  const account = new AccountService({ api, rememberSelf: (user) => auth?.rememberSelf(user) ?? Promise.resolve() });

  connection.onState(hooks.relay.connectionState);
  connection.onServerEvent((event) => {
    if (event.event === 'user_updated') void auth?.rememberSelf(event.payload);
    unread.handle(event);
    hooks.relay.serverEvent(event);
  });
  connection.onResync(() => {
    void refresh();
    hooks.relay.resync();
  });
  connection.onSessionExpired(() => void auth?.endLocally());

  const uploader = createUploader({
    fetch,
    baseUrl: () => server?.url ?? null,
    token: () => tokens.current(),
    onProgress: hooks.relay.uploadProgress,
    onUnauthorized: () => void auth?.endLocally(),
  });
  const downloads = createDownloads({ window: hooks.downloadWindow, serverUrl: () => server?.url ?? null, downloadsDir: hooks.downloadsDir });

  // The server in the window, as switching between several servers sees it (servers/server-switcher.ts).
  const inWindow = { server, auth };
  const windowServer: WindowServer = {
    choice: () => inWindow.server.chosen,
    token: () => inWindow.auth.token,
    self: () => inWindow.auth.self,
    release: () => inWindow.auth.endLocally(),
    adopt: async (choice, token, user) => {
      await inWindow.server.adopt(choice);
      if (token !== null && user !== null) await inWindow.auth.adopt(token, user);
    },
    check: (url) => checkHealth(url),
    join: (url) => inWindow.server.join(url),
    logoutAndForget: async () => {
      await inWindow.auth.logout();
      await inWindow.server.forget();
    },
    keepHosting: () => inWindow.server.keepHosting(),
    stopHosting: () => inWindow.server.stopHosting(),
  };

  return { api, auth, account, server, host, connection, unread, ui, uploader, downloads, rooms, settings, windowServer };
}

export type Services = ReturnType<typeof createServices>;
