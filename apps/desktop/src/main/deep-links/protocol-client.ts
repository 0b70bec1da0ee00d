import { resolve } from 'node:path';
import { deepLinkScheme } from './deep-link.js';

export interface ProtocolClientPort {
  setAsDefaultProtocolClient(protocol: string, path?: string, args?: string[]): boolean;
}

/**
 * Registers parley:// with the OS. A packaged app registers itself; in development Electron's own
 * binary runs the app, so the OS is told to start it with the app's folder, or links would open a
 * bare Electron.
 */
export function registerProtocolClient(app: ProtocolClientPort, launch: { defaultApp: boolean; execPath: string; argv: readonly string[] }): boolean {
  const entry = launch.argv[1];
  if (launch.defaultApp && entry !== undefined) return app.setAsDefaultProtocolClient(deepLinkScheme, launch.execPath, [resolve(entry)]);
  return app.setAsDefaultProtocolClient(deepLinkScheme);
}
