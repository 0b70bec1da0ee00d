/** The one web permission the app's pages may have: showing notifications. */
export function isPermissionAllowed(permission: string, requestingUrl: string | undefined, isApp: (url: string | undefined) => boolean): boolean {
  return permission === 'notifications' && isApp(requestingUrl);
}
