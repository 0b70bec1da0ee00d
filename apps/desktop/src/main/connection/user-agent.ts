import type { FetchLike } from '@parley/shared/client';

const systemNames: Partial<Record<NodeJS.Platform, string>> = { win32: 'Windows', darwin: 'macOS', linux: 'Linux' };

/**
 * What the main process says it is in every REST call, so the sessions list of the account reads
 * "Parley desktop on Windows" rather than Node's bare "node".
 */
export function desktopUserAgent(version: string, platform: NodeJS.Platform): string {
  return `Parley-desktop/${version} (${systemNames[platform] ?? platform})`;
}

export function withUserAgent(fetchImpl: FetchLike, userAgent: string): FetchLike {
  return (url, init) => fetchImpl(url, { ...init, headers: { ...init.headers, 'user-agent': userAgent } });
}
