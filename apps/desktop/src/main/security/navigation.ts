import { checkExternalUrl } from './open-external.js';

export type NavigationDecision = { action: 'allow' } | { action: 'deny' } | { action: 'open-external'; url: string };

/**
 * What to do when a page tries to go to `url`, in place or in a new window. The app's own pages
 * may reload themselves (development's hot reload does); anything else never loads inside the
 * app: a safe http(s) link goes to the system browser, the rest is dropped.
 */
export function decideNavigation(url: string, isApp: (url: string) => boolean, inPlace: boolean): NavigationDecision {
  if (inPlace && isApp(url)) return { action: 'allow' };
  const checked = checkExternalUrl(url);
  return checked.ok ? { action: 'open-external', url: checked.url } : { action: 'deny' };
}
