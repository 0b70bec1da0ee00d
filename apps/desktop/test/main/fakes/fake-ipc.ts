import type { IpcMainPort } from '../../../src/main/ipc/guard.js';
import type { SenderInfo } from '../../../src/main/security/sender.js';

export const appPage = 'file:///opt/Parley/out/renderer/index.html';
export const appOrigin = { fileRoot: 'file:///opt/Parley/out/renderer/' };

/** ipcMain as a map of channels, called the way Electron calls them. */
export class FakeIpcMain implements IpcMainPort {
  readonly handlers = new Map<string, (event: SenderInfo, ...args: unknown[]) => unknown>();
  readonly listeners = new Map<string, (event: SenderInfo, ...args: unknown[]) => void>();

  handle(channel: string, listener: (event: SenderInfo, ...args: unknown[]) => unknown): void {
    if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
    this.handlers.set(channel, listener);
  }

  on(channel: string, listener: (event: SenderInfo, ...args: unknown[]) => void): void {
    this.listeners.set(channel, listener);
  }

  invoke(channel: string, args: unknown[], from = appPage): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`no handler for ${channel}`);
    return Promise.resolve(handler({ senderFrame: { url: from } }, ...args));
  }

  send(channel: string, args: unknown[], from = appPage): void {
    const listener = this.listeners.get(channel);
    if (!listener) throw new Error(`no listener for ${channel}`);
    listener({ senderFrame: { url: from } }, ...args);
  }
}
