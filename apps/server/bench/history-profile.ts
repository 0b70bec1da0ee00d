import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Session } from 'node:inspector/promises';

/**
 * When PARLEY_BENCH_CPU_PROFILE names a folder, `fn` runs under the V8 CPU profiler and the
 * profile is written there as `<name>.cpuprofile` (open it in Chrome DevTools or speedscope):
 * the page loop alone, without the seeding around it.
 */
export async function profiled<T>(name: string, fn: () => Promise<T>): Promise<T> {
  const dir = process.env.PARLEY_BENCH_CPU_PROFILE;
  if (!dir) return fn();
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  await session.post('Profiler.start');
  try {
    return await fn();
  } finally {
    const { profile } = await session.post('Profiler.stop');
    await mkdir(dir, { recursive: true });
    const file = join(dir, `${name.replace(/\W+/g, '-')}.cpuprofile`);
    await writeFile(file, JSON.stringify(profile));
    console.error(`CPU profile of the page loop: ${file}`);
    session.disconnect();
  }
}
