import type { Session, WebContents } from 'electron';
import { decideNavigation } from './navigation.js';
import { isPermissionAllowed } from './permissions.js';

/** The CSP as a response header on everything the app's session loads over http (development). */
export function installCsp(session: Session, csp: string): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    // Ours replaces any policy the dev server sent, whatever the header's spelling.
    const headers = Object.fromEntries(
      Object.entries(details.responseHeaders ?? {}).filter(([name]) => name.toLowerCase() !== 'content-security-policy'),
    );
    headers['Content-Security-Policy'] = [csp];
    callback({ responseHeaders: headers });
  });
}

/** Notifications only; the camera, microphone, geolocation and the rest are always refused. */
export function installPermissionHandlers(session: Session, isApp: (url: string | undefined) => boolean): void {
  session.setPermissionRequestHandler((contents, permission, callback, details) => {
    callback(isPermissionAllowed(permission, details.requestingUrl ?? contents.getURL(), isApp));
  });
  // The check gives an origin, which for file:// pages is just "file://": judge the page's URL.
  session.setPermissionCheckHandler((contents, permission, requestingOrigin) =>
    isPermissionAllowed(permission, contents?.getURL() ?? requestingOrigin, isApp),
  );
}

/** No in-app navigation, no new windows, no webviews: links go to the browser after a check. */
export function guardNavigation(
  contents: WebContents,
  isApp: (url: string) => boolean,
  openExternal: (url: string) => void,
): void {
  contents.on('will-navigate', (event, url) => {
    const decision = decideNavigation(url, isApp, true);
    if (decision.action === 'allow') return;
    event.preventDefault();
    if (decision.action === 'open-external') openExternal(decision.url);
  });
  contents.on('will-redirect', (event, url) => {
    if (!isApp(url)) event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    const decision = decideNavigation(url, isApp, false);
    if (decision.action === 'open-external') openExternal(decision.url);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}
