import { BrowserWindow } from 'electron';
export interface MainWindowOptions {
  preload: string;
  /** The dev server's page in development, else the built page's file path. */
  page: { url: string } | { file: string };
  icon?: string;
  /** Whether the app is quitting: until then, closing the window only hides it to the tray. */
  isQuitting: () => boolean;
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    width: 1100,
    height: 720,
    minWidth: 720,
    minHeight: 480,
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
  window.once('ready-to-show', () => window.show());
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
