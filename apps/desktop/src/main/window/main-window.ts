import { BrowserWindow } from 'electron';
import { windowDefaults } from './track-place.js';
import type { WindowPlacement } from './window-state.js';

export interface MainWindowOptions {
  preload: string;
  /** The dev server's page in development, else the built page's file path. */
  page: { url: string } | { file: string };
  icon?: string;
  /** Whether the app is quitting: until then, closing the window only hides it to the tray. */
  isQuitting: () => boolean;
  /** Where it opens (window-state.ts), and whether it stays in the tray (started at login). */
  placement: WindowPlacement;
  startHidden: boolean;
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    ...options.placement.bounds,
    minWidth: windowDefaults.minWidth,
    minHeight: windowDefaults.minHeight,
    show: false,
    title: 'Parley',
    autoHideMenuBar: true,
    ...(options.icon ? { icon: options.icon } : {}),
    webPreferences: {
      preload: options.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: true,
    },
  });

  // Navigation and window.open rules are installed for every web contents, this one included, by
  // the app's 'web-contents-created' handler (index.ts), so they cannot be forgotten here.
  window.once('ready-to-show', () => {
    // maximize() also shows a window on some systems: a window kept in the tray waits for its first show.
    if (options.startHidden) {
      if (options.placement.maximized) window.once('show', () => window.maximize());
      return;
    }
    if (options.placement.maximized) window.maximize();
    window.show();
  });
  window.on('close', (event) => {
    if (options.isQuitting()) return;
    event.preventDefault();
    window.hide();
  });

  if ('url' in options.page) void window.loadURL(options.page.url);
  else void window.loadFile(options.page.file);
  return window;
}

/** Brings the window back from the tray (or from behind others) and gives it focus. */
export function revealWindow(window: BrowserWindow): void {
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}
