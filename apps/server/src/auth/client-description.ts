/**
 * A short description of what logged in ("Parley desktop on Windows", "Firefox on Linux"), from
 * its User-Agent, for the sessions list. A short table is enough: the list only has to let people
 * tell their devices apart, and an unknown agent is named by its first product token.
 */

// Order matters: Edge and Opera also say "Chrome", Chrome also says "Safari", Electron both.
const programs: [RegExp, string][] = [
  [/Parley(?:[ -]?desktop)?\//i, 'Parley desktop'],
  [/Electron\//, 'Parley desktop'],
  [/Edg(?:e|A|iOS)?\//, 'Edge'],
  [/OPR\/|Opera/, 'Opera'],
  [/Firefox\/|FxiOS\//, 'Firefox'],
  [/Chromium\//, 'Chromium'],
  [/Chrome\/|CriOS\//, 'Chrome'],
  [/Version\/[\d.]+.*Safari\//, 'Safari'],
  [/^curl\//, 'curl'],
  [/python/i, 'Python'],
  [/^node|undici/i, 'Node.js'],
];

const systems: [RegExp, string][] = [
  [/Windows|win32/i, 'Windows'],
  [/Android/, 'Android'],
  [/iPhone|iPad|iPod/, 'iOS'],
  [/Mac OS X|Macintosh|macOS|darwin/i, 'macOS'],
  [/CrOS/, 'ChromeOS'],
  [/Linux|X11/i, 'Linux'],
];

const maxLength = 60;

export function describeClient(userAgent: string | undefined): string {
  const agent = (userAgent ?? '').trim();
  if (!agent) return 'Unknown client';
  const program = programs.find(([pattern]) => pattern.test(agent))?.[1] ?? firstProduct(agent);
  const system = systems.find(([pattern]) => pattern.test(agent))?.[1];
  return system ? `${program} on ${system}` : program;
}

/** "MyBot/1.2 (+https://…)" → "MyBot": printable ASCII only, bounded. */
function firstProduct(agent: string): string {
  const name = /^[A-Za-z0-9._-]+/.exec(agent)?.[0];
  return name ? name.slice(0, maxLength) : 'Unknown client';
}
