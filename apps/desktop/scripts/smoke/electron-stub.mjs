// A stand-in for the `electron` module, for running the built main process under plain Node when
// Electron's binary is not available. It records what the main process asks of Electron so the
// smoke run can check it; it draws nothing and opens nothing.
import { fork } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { existsSync } from 'node:fs';
import { dirname } from 'node:path';

const record = {
  appEvents: new Map(),
  handlers: new Map(),
  listeners: new Map(),
  sent: [],
  windows: [],
  loaded: [],
  tray: { tooltip: null, images: [], menu: null },
  badge: [],
  notifications: [],
  opened: [],
  permissionHandlers: {},
  headersHandler: null,
  quit: 0,
  children: [],
};
globalThis.__electronStub = record;

export const app = {
  isPackaged: false,
  requestSingleInstanceLock: () => true,
  on: (event, listener) => record.appEvents.set(event, listener),
  whenReady: () => Promise.resolve(),
  getVersion: () => '0.0.0-smoke',
  getAppPath: () => process.env.SMOKE_APP_PATH,
  getPath: (name) => (name === 'userData' ? process.env.SMOKE_USER_DATA : '/tmp'),
  setBadgeCount: (count) => record.badge.push(count),
  setAsDefaultProtocolClient: (...args) => (record.protocolClient = args) && true,
  setLoginItemSettings: (settings) => (record.loginItem = settings),
  getLoginItemSettings: () => ({ openAtLogin: false, wasOpenedAsHidden: false, wasOpenedAtLogin: false }),
  quit: () => {
    record.quit++;
    const listener = record.appEvents.get('before-quit');
    if (listener) listener({ preventDefault: () => (record.quitPrevented = true) });
  },
};

export const ipcMain = {
  handle: (channel, listener) => record.handlers.set(channel, listener),
  on: (channel, listener) => record.listeners.set(channel, listener),
};

export const session = {
  defaultSession: {
    webRequest: { onHeadersReceived: (handler) => (record.headersHandler = handler) },
    setPermissionRequestHandler: (handler) => (record.permissionHandlers.request = handler),
    setPermissionCheckHandler: (handler) => (record.permissionHandlers.check = handler),
  },
};

export const shell = { openExternal: async (url) => void record.opened.push(url) };

export const safeStorage = {
  isEncryptionAvailable: () => true,
  encryptString: (text) => Buffer.from(`stub:${Buffer.from(text).toString('base64').split('').reverse().join('')}`),
  decryptString: (buffer) => Buffer.from(buffer.toString().slice(5).split('').reverse().join(''), 'base64').toString(),
};

export const net = { isOnline: () => true };
export const powerMonitor = new EventEmitter();
export const nativeTheme = Object.assign(new EventEmitter(), { shouldUseDarkColors: false });
export const nativeImage = { createFromPath: (path) => ({ path, exists: existsSync(path) }) };
export const Menu = { buildFromTemplate: (template) => Object.assign([...template], { popup: () => (record.popups = (record.popups ?? 0) + 1) }) };

const display = { id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1080 } };
export const screen = {
  getAllDisplays: () => [display],
  getPrimaryDisplay: () => display,
  getDisplayMatching: () => display,
};

export class Tray extends EventEmitter {
  constructor(image) {
    super();
    record.tray.images.push(image);
  }
  setToolTip(tooltip) {
    record.tray.tooltip = tooltip;
  }
  setContextMenu(menu) {
    record.tray.menu = menu;
  }
  setImage(image) {
    record.tray.images.push(image);
  }
  destroy() {}
}

export class Notification extends EventEmitter {
  static isSupported() {
    return true;
  }
  constructor(options) {
    super();
    this.options = options;
  }
  show() {
    record.notifications.push(this);
  }
  close() {}
}

export class BrowserWindow extends EventEmitter {
  constructor(options) {
    super();
    this.options = options;
    const contents = new EventEmitter();
    contents.send = (channel, payload) => record.sent.push({ channel, payload });
    contents.setWindowOpenHandler = (handler) => (contents.windowOpenHandler = handler);
    contents.getURL = () => '';
    contents.setZoomLevel = (level) => (record.zoomLevel = level);
    contents.replaceMisspelling = (word) => (record.replaced = word);
    contents.reload = () => undefined;
    contents.session = { addWordToSpellCheckerDictionary: (word) => (record.dictionary = word) };
    this.webContents = contents;
    record.windows.push(this);
    record.appEvents.get('web-contents-created')?.({}, contents);
  }
  loadFile(file) {
    record.loaded.push(file);
    return Promise.resolve();
  }
  loadURL(url) {
    record.loaded.push(url);
    return Promise.resolve();
  }
  isDestroyed() {
    return false;
  }
  isFocused() {
    return false;
  }
  isVisible() {
    return true;
  }
  isMinimized() {
    return false;
  }
  isMaximized() {
    return false;
  }
  getNormalBounds() {
    return { x: 10, y: 10, width: this.options.width ?? 1100, height: this.options.height ?? 720 };
  }
  maximize() {}
  show() {}
  hide() {}
  focus() {}
  restore() {}
}

/** utilityProcess.fork as a plain Node child process. */
export const utilityProcess = {
  fork(entry, args, options) {
    const child = fork(entry, args, { env: options.env, stdio: ['ignore', 'pipe', 'pipe', 'ipc'], cwd: options.cwd ?? dirname(entry), execArgv: [] });
    record.children.push(child);
    // Electron's utility process reports a number on exit; a Node child killed by a signal, null.
    return {
      get pid() {
        return child.pid;
      },
      kill: () => child.kill('SIGTERM'),
      // Electron's child.postMessage arrives on the server's parentPort; Node IPC stands in for it.
      postMessage: (message) => child.send(message),
      on: (event, listener) => child.on(event, event === 'exit' ? (code) => listener(code ?? 1) : listener),
      stdout: child.stdout,
      stderr: child.stderr,
    };
  },
};

// Bundled CommonJS libraries (electron-updater) reach Electron as `require('electron')`, which the
// bundle turns into the module's default export.
export default { app, ipcMain, session, shell, safeStorage, net, powerMonitor, nativeTheme, nativeImage, Menu, screen, Tray, Notification, BrowserWindow, utilityProcess };
