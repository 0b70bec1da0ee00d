import type { NetworkInterfaceInfo } from 'node:os';

/** The addresses other computers on the network can reach a hosted server at. */
export function shareUrls(
  interfaces: NodeJS.Dict<NetworkInterfaceInfo[]>,
  port: number,
): string[] {
  const urls: string[] = [];
  for (const addresses of Object.values(interfaces)) {
    for (const address of addresses ?? []) {
      // Node 18.0–18.3 reported the family as a number; later versions as 'IPv4'.
      const ipv4 = address.family === 'IPv4' || (address.family as unknown) === 4;
      if (ipv4 && !address.internal && !address.address.startsWith('169.254.')) {
        urls.push(`http://${address.address}:${port}`);
      }
    }
  }
  return [...new Set(urls)];
}
