import { app, ipcMain, net, powerMonitor, safeStorage, screen, session, shell, type BrowserWindow } from 'electron';
import { watchOnline } from './connection/online-watch.js';
import { desktopUserAgent } from './connection/user-agent.js';
import { realTimers } from '@parley/shared/client';
import { registerIpcHandlers } from './ipc/register.js';
import { createEventRelay } from './ipc/event-relay.js';
import { createSystemNotifier } from './notifications/system-notifier.js';
import { resolvePaths } from './paths.js';
import { contentSecurityPolicy } from './security/csp.js';
import { guardNavigation, installCsp, installPermissionHandlers } from './security/harden.js';
import { isAppUrl, isTrustedSender } from './security/sender.js';
import { createServices } from './services.js';
import { unlessPaused } from './dnd/dnd-controller.js';
import { PreferencesStore } from './preferences/preferences-store.js';
import { createTrayControls } from './tray/tray-controls.js';
import { ServerRegistry, type ServerEntry } from './servers/server-registry.js';
import { ServerSession } from './servers/server-session.js';
import { ServerSwitcher } from './servers/server-switcher.js';
import { withUserAgent } from './connection/user-agent.js';
import { namedForServer } from './servers/server-notifications.js';
import { createMainWindow, revealWindow } from './window/main-window.js';
import { initialPlacement, trackPlace } from './window/track-place.js';
import { startsHidden } from './login-item/login-item.js';
import { installContextMenu } from './spellcheck/install-context-menu.js';
import { installZoom } from './zoom/install-zoom.js';
import { deepLinkInArgv } from './deep-links/deep-link.js';
import { followDeepLink } from './deep-links/deep-link-router.js';
import { LinkInbox } from './deep-links/link-inbox.js';
import { registerProtocolClient } from './deep-links/protocol-client.js';
import { chooseUpdateFeed, feedFileFor } from './updates/update-feed.js';

// One Parley per user: a second launch only brings the first one's window forward (and hands over
// the parley:// link it was started with, on Windows and Linux).
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let window: BrowserWindow | null = null;
  let quitting = false;
  let hostStopped = false;
  const reveal = () => window && !window.isDestroyed() && revealWindow(window);
  const log = (line: string) => console.log(line);
  const links = new LinkInbox();
  const firstLink = deepLinkInArgv(process.argv);
  if (firstLink) links.push(firstLink);
  app.on('second-instance', (_event, argv) => {
    reveal();
    const link = deepLinkInArgv(argv);
    if (link) links.push(link);
  });
  // macOS hands links over as an event, possibly before 'ready'.
  app.on('open-url', (event, url) => {
    event.preventDefault();
    links.push(url);
  });
  registerProtocolClient(app, { defaultApp: process.defaultApp === true, execPath: process.execPath, argv: process.argv });
  app.on('activate', reveal);
  // The window hides to the tray; the app lives on until Quit.
  app.on('window-all-closed', () => undefined);

  // Windows shows toast notifications only for an app with this id (the installer's appId).
  if (process.platform === 'win32') app.setAppUserModelId('app.parley.desktop');

  void app.whenReady().then(async () => {
    const paths = resolvePaths({
      isPackaged: app.isPackaged,
      resourcesPath: process.resourcesPath,
      appPath: app.getAppPath(),
      userData: app.getPath('userData'),
      devServerUrl: process.env.ELECTRON_RENDERER_URL,
    });
    const isApp = (url: string | undefined) => isAppUrl(url, paths.appOrigin);
    const openExternal = (url: string) => shell.openExternal(url);

    installCsp(session.defaultSession, contentSecurityPolicy({ devOrigin: paths.appOrigin.devOrigin }));
    installPermissionHandlers(session.defaultSession, isApp);
    // Any web contents at all, not only our window's, gets the same navigation rules.
    app.on('web-contents-created', (_event, contents) => guardNavigation(contents, isApp, (url) => void openExternal(url)));

    const userAgent = desktopUserAgent(app.getVersion(), process.platform);
    const relay = createEventRelay(() => (window && !window.isDestroyed() ? window.webContents : null));
    const preferences = new PreferencesStore(paths.preferencesFile);

    const controls = await createTrayControls({ iconFolder: paths.iconFolder, preferences, reveal, log });
    const { dnd, updates } = controls;
    // Every server signed in to, with its own unread count: the tray and badge show their sum, and
    // the window's switcher its list.
    const registry = new ServerRegistry();
    let switcher: ServerSwitcher | null = null;
    registry.onChange(() => {
      controls.showUnread(registry.trayView());
      if (switcher) relay.serversChanged(switcher.list());
    });
    const windowEntry = () => switcher?.syncWindow() ?? null;
    const notify = createSystemNotifier((conversation) => {
      reveal();
      relay.openConversation(conversation);
    }, paths.appIcon);
    const services = createServices({
      paths,
      cipher: safeStorage,
      relay,
      log,
      userAgent,
      render: (view) => {
        const entry = windowEntry();
        if (entry) registry.setUnread(entry.id, view.badgeCount);
        else controls.showUnread(view);
      },
      // Paused notifications are dropped, not queued: the unread counts and badge carry the news.
      showNotification: unlessPaused(
        dnd,
        (notification) => notify(namedForServer(notification, windowEntry()?.label ?? '', registry.size)),
      ),
      downloadWindow: () =>
        window && !window.isDestroyed()
          ? {
              downloadURL: (url) => window?.webContents.downloadURL(url),
              onWillDownload: (listener) => session.defaultSession.on('will-download', (_event, item) => listener(item)),
            }
          : null,
      downloadsDir: () => app.getPath('downloads'),
      window: () => ({
        focused: window?.isFocused() ?? false,
        visible: (window?.isVisible() ?? false) && !(window?.isMinimized() ?? true),
      }),
    });

    // A server behind the window notifies as the window's does; a click brings it forward.
    const notifyBehind = (entry: ServerEntry) =>
      unlessPaused(
        dnd,
        createSystemNotifier((conversation) => {
          reveal();
          void switcher?.switchTo(entry.id, conversation);
        }, paths.appIcon),
      );
    switcher = new ServerSwitcher({
      registry,
      settings: services.settings,
      window: services.windowServer,
      session: (entry) => {
        const notifyHere = notifyBehind(entry);
        return new ServerSession({
          entry,
          registry,
          userData: paths.userData,
          cipher: safeStorage,
          timers: realTimers,
          fetch: withUserAgent(fetch, userAgent),
          showNotification: (notification) => notifyHere(namedForServer(notification, entry.label, registry.size)),
        });
      },
      reload: () => window?.webContents.reload(),
      log,
    });
    const servers = switcher;

    registerIpcHandlers({ ipc: ipcMain, isTrusted: (event) => isTrustedSender(event, paths.appOrigin), log }, services, servers, openExternal);

    services.connection.onState((state) => {
      const entry = windowEntry();
      if (entry) registry.setConnection(entry.id, state.status);
    });
    powerMonitor.on('resume', () => services.connection.resume());
    watchOnline(() => net.isOnline(), () => services.connection.wake(), realTimers);

    // Restoring the remembered server (restarting a hosted one) may take seconds: the window opens
    // meanwhile and its first questions wait for it. The session is resumed here too, so the tray
    // and notifications work even before the window asks.
    const restored = services.server.restore();
    const remembered = await preferences.read();
    const macLogin = process.platform === 'darwin' ? app.getLoginItemSettings() : null;
    window = createMainWindow({
      preload: paths.preload,
      page: paths.page,
      icon: paths.appIcon,
      isQuitting: () => quitting,
      placement: initialPlacement(screen, remembered.windowStates),
      // Started at login: stay in the tray until asked for.
      startHidden: startsHidden(process.argv, macLogin),
    });
    trackPlace(window, screen, { states: remembered.windowStates, timers: realTimers, save: (windowStates) => void preferences.update({ windowStates }) });
    installZoom(window.webContents, { platform: process.platform, level: remembered.zoomLevel, save: (zoomLevel) => void preferences.update({ zoomLevel }) });
    installContextMenu(window.webContents);
    await restored;
    await services.auth.session();
    await servers.restore();

    // Updates come from UPDATE_URL, else the team server's /updates/ when it has this platform's feed.
    void chooseUpdateFeed({ isPackaged: app.isPackaged, updateUrl: process.env.UPDATE_URL, serverUrl: services.server.url }, async (feedUrl) => {
      const answer = await fetch(new URL(feedFileFor(process.platform), feedUrl), { method: 'HEAD', redirect: 'error', signal: AbortSignal.timeout(5000) }).catch(() => null);
      return answer?.ok ?? false;
    }).then((feed) => updates.start(feed));

    // Links are followed once the session is back, so a conversation link can open at once.
    links.open(
      (link) =>
        void followDeepLink(link, {
          currentServer: () => services.server.url,
          signedIn: () => services.auth.self !== null,
          userOfRoom: (roomId) => services.rooms.userOfRoom(roomId),
          learnRooms: async () => {
            const rooms = await services.api.chatRooms();
            if (rooms.ok) services.rooms.learnRooms(rooms.value.chat_rooms);
          },
          openConversation: (conversation) => relay.openConversation(conversation),
          // The window loads again on the new server (the switcher reloads it).
          joinServer: async (url) => {
            const joined = await servers.add(url);
            if (!joined.ok) log(`[link] could not join ${url}: ${joined.error.message}`);
          },
          serverBehind: (server) => {
            const behind = servers.behindAt(server);
            if (!behind) return null;
            return {
              userOfRoom: (roomId) => behind.session.userOfRoom(roomId),
              show: async (conversation) => {
                await servers.switchTo(behind.id, conversation);
              },
            };
          },
          reveal,
          log,
        }),
    );

    app.on('before-quit', (event) => {
      quitting = true;
      if (hostStopped || !services.host.current) return;
      // Give the hosted server its graceful stop (the stop message, then a kill after 5 s) before exiting.
      event.preventDefault();
      services.connection.stop();
      void services.host.stop().finally(() => {
        hostStopped = true;
        controls.destroy();
        app.quit();
      });
    });
  });
}
