/**
 * Where the app's own pages live: the packaged files (`file://…/out/renderer/index.html`) or, in
 * development, the dev server's origin. Any other frame — an iframe, a page reached by a redirect
 * that slipped past navigation guards — must not reach the main process.
 */
export interface AppOrigin {
  /** `file:` URL of the renderer's folder (with a trailing slash), when loaded from files. */
  fileRoot?: string;
  /** Origin of the dev server, when loaded from it. */
  devOrigin?: string;
}

export function isAppUrl(raw: string | undefined | null, app: AppOrigin): boolean {
  if (!raw) return false;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (app.devOrigin !== undefined && url.origin === app.devOrigin) return true;
  if (app.fileRoot !== undefined && url.protocol === 'file:') {
    const root = new URL(app.fileRoot);
    // Compare decoded, normalised paths so `..` or %2e%2e cannot climb out of the folder.
    return url.host === root.host && url.pathname.startsWith(root.pathname);
  }
  return false;
}

/** The parts of an IPC event that say who sent it (Electron's `IpcMainInvokeEvent`). */
export interface SenderInfo {
  senderFrame: { url: string } | null;
}

export function isTrustedSender(event: SenderInfo, app: AppOrigin): boolean {
  return isAppUrl(event.senderFrame?.url, app);
}
