import { app, ipcMain, net, powerMonitor, safeStorage, session, shell, type BrowserWindow } from 'electron';
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
import { createAppTray } from './tray/app-tray.js';
import { createMainWindow, revealWindow } from './window/main-window.js';

// One Parley per user: a second launch only brings the first one's window forward.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let window: BrowserWindow | null = null;
  let quitting = false;
  let hostStopped = false;
  const reveal = () => window && !window.isDestroyed() && revealWindow(window);
  const log = (line: string) => console.log(line);
  app.on('second-instance', reveal);
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

    const relay = createEventRelay(() => (window && !window.isDestroyed() ? window.webContents : null));
    const tray = createAppTray({ iconFolder: paths.iconFolder, onOpen: reveal, onQuit: () => app.quit() });
    const services = createServices({
      paths,
      cipher: safeStorage,
      relay,
      log,
      userAgent: desktopUserAgent(app.getVersion(), process.platform),
      render: (view) => {
        tray.update(view);
        app.setBadgeCount(view.badgeCount);
      },
      showNotification: createSystemNotifier((conversation) => {
        reveal();
        relay.openConversation(conversation);
      }, paths.appIcon),
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

    registerIpcHandlers({ ipc: ipcMain, isTrusted: (event) => isTrustedSender(event, paths.appOrigin), log }, services, openExternal);

    powerMonitor.on('resume', () => services.connection.resume());
    watchOnline(() => net.isOnline(), () => services.connection.wake(), realTimers);

    // Restoring the remembered server (restarting a hosted one) may take seconds: the window opens
    // meanwhile and its first questions wait for it. The session is resumed here too, so the tray
    // and notifications work even before the window asks.
    const restored = services.server.restore();
    window = createMainWindow({
      preload: paths.preload,
      page: paths.page,
      icon: paths.appIcon,
      isQuitting: () => quitting,
    });
    await restored;
    await services.auth.session();

    app.on('before-quit', (event) => {
      quitting = true;
      if (hostStopped || !services.host.current) return;
      // Give the hosted server its graceful stop (the stop message, then a kill after 5 s) before exiting.
      event.preventDefault();
      services.connection.stop();
      void services.host.stop().finally(() => {
        hostStopped = true;
        tray.destroy();
        app.quit();
      });
    });
  });
}
