import { z } from 'zod';

export type UpdateFeed = { url: string; source: 'UPDATE_URL' | 'team server' } | { off: 'development' | 'no feed' };

// A feed's files are checked against the sha512 its latest*.yml lists, so the list itself must
// come over TLS: plain-HTTP feeds are refused (a hosted server on a LAN has no feed).
const feedUrlSchema = z
  .url({ protocol: /^https$/ })
  .transform((url) => (url.endsWith('/') ? url : `${url}/`));

/** The generic-provider feed this app updates from, or why it does not update. */
export async function chooseUpdateFeed(
  input: { isPackaged: boolean; updateUrl: string | undefined; serverUrl: string | null },
  servesUpdates: (feedUrl: string) => Promise<boolean>,
): Promise<UpdateFeed> {
  if (!input.isPackaged) return { off: 'development' };
  if (input.updateUrl !== undefined && input.updateUrl.trim() !== '') {
    const url = feedUrlSchema.safeParse(input.updateUrl.trim());
    return url.success ? { url: url.data, source: 'UPDATE_URL' } : { off: 'no feed' };
  }
  if (input.serverUrl === null) return { off: 'no feed' };
  const server = feedUrlSchema.safeParse(input.serverUrl);
  if (!server.success) return { off: 'no feed' };
  const url = new URL('updates/', server.data).href;
  return (await servesUpdates(url)) ? { url, source: 'team server' } : { off: 'no feed' };
}

/** electron-updater's file for this platform, as electron-builder publishes it. */
export function feedFileFor(platform: NodeJS.Platform): string {
  if (platform === 'darwin') return 'latest-mac.yml';
  if (platform === 'linux') return 'latest-linux.yml';
  return 'latest.yml';
}
