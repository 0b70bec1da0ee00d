import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface AppPaths {
  preload: string;
  page: { url: string } | { file: string };
  /** Where the app's own pages may come from (IPC sender and navigation checks). */
  appOrigin: { fileRoot?: string; devOrigin?: string };
  iconFolder: string;
  appIcon: string;
  serverEntry: string;
  settingsFile: string;
  /** Desktop habits: do not disturb, start at login, zoom, window place. */
  preferencesFile: string;
  tokenFile: string;
  serverDataDir: string;
  /** Where the other servers' tokens are kept (`servers/`, one encrypted file each). */
  userData: string;
}

/**
 * Where everything is, packaged or not. Built code sits in out/main, out/preload and
 * out/renderer; the packaged app also carries the tray icons and the server bundle as resources.
 */
export function resolvePaths(options: {
  isPackaged: boolean;
  resourcesPath: string;
  appPath: string;
  userData: string;
  devServerUrl: string | undefined;
}): AppPaths {
  const here = dirname(fileURLToPath(import.meta.url));
  const rendererDir = join(here, '../renderer');
  const dev = !options.isPackaged && options.devServerUrl ? options.devServerUrl : undefined;
  const resources = options.isPackaged ? options.resourcesPath : join(options.appPath, 'build');
  return {
    preload: join(here, '../preload/index.cjs'),
    page: dev ? { url: dev } : { file: join(rendererDir, 'index.html') },
    appOrigin: dev ? { devOrigin: new URL(dev).origin } : { fileRoot: `${pathToFileURL(rendererDir).href}/` },
    iconFolder: join(resources, 'tray'),
    appIcon: join(resources, 'icon.png'),
    serverEntry: options.isPackaged
      ? join(options.resourcesPath, 'server', 'main.js')
      : join(options.appPath, '../server/dist/main.js'),
    settingsFile: join(options.userData, 'settings.json'),
    preferencesFile: join(options.userData, 'preferences.json'),
    tokenFile: join(options.userData, 'session.bin'),
    serverDataDir: join(options.userData, 'server'),
    userData: options.userData,
  };
}
