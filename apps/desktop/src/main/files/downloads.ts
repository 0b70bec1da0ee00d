import { join } from 'node:path';
import type { DownloadRequest, Result } from '@parley/shared/ipc';

/** The part of a download Electron hands to `will-download` that we use. */
export interface DownloadItemPort {
  getURL(): string;
  setSaveDialogOptions(options: { title: string; defaultPath: string }): void;
  cancel(): void;
}

/** The small window interface downloads go through; Electron's session and webContents in the app. */
export interface DownloadWindow {
  downloadURL(url: string): void;
  onWillDownload(listener: (item: DownloadItemPort) => void): void;
}

/** A name to suggest in the save dialog: no folders, nothing hidden. */
function suggestedName(name: string): string {
  const last = name.split(/[/\\]/).pop() ?? '';
  const cleaned = last.replace(/[\p{Cc}\p{Cf}<>:"|?*]/gu, '_').replace(/^[\s.]+|[\s.]+$/g, '');
  return cleaned || 'download';
}

/**
 * Saves files from the server with the system's save dialog, suggesting the file's name in the
 * user's downloads folder. Only links to the signed-in server's files are followed, and a
 * download nobody asked for (a page trying one) is cancelled.
 */
export function createDownloads(deps: { window: () => DownloadWindow | null; serverUrl: () => string | null; downloadsDir: () => string }) {
  const expected = new Map<string, string>();
  // The window's session outlives any one call: its listener is added once.
  let hooked = false;

  function hook(window: DownloadWindow): void {
    if (hooked) return;
    hooked = true;
    window.onWillDownload((item) => {
      const name = expected.get(item.getURL());
      if (name === undefined) {
        item.cancel();
        return;
      }
      expected.delete(item.getURL());
      item.setSaveDialogOptions({ title: 'Save file', defaultPath: join(deps.downloadsDir(), name) });
    });
  }

  return {
    download(request: DownloadRequest): Result<null> {
      const server = deps.serverUrl();
      const window = deps.window();
      const url = new URL(request.url);
      if (!server || url.origin !== new URL(server).origin || !url.pathname.startsWith('/files/')) {
        return { ok: false, error: { code: 'forbidden', message: 'Only files of your Parley server can be downloaded.' } };
      }
      if (!window) return { ok: false, error: { code: 'unavailable', message: 'There is no window to download into.' } };
      hook(window);
      expected.set(url.toString(), suggestedName(request.name));
      window.downloadURL(url.toString());
      return { ok: true, value: null };
    },
  };
}

export type Downloads = ReturnType<typeof createDownloads>;
