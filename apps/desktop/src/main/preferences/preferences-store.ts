import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import { windowStatesSchema } from '../window/window-state.js';

/**
 * The desktop's own habits, kept apart from the session settings: do not disturb, start at login,
 * zoom and where the window was. Every field falls back to its default on its own, so one damaged
 * value never loses the others.
 */
const preferencesSchema = z.object({
  /** Notifications are paused until this instant (ISO 8601), or not at all. */
  dndUntil: z.iso.datetime({ offset: true }).nullable().catch(null),
  openAtLogin: z.boolean().catch(false),
  /** Chromium's zoom level: 0 is 100 %, each step is 20 % more or less. */
  zoomLevel: z.number().min(-3).max(5).catch(0),
  windowStates: windowStatesSchema.catch({ last: null, byDisplay: {} }),
});
export type Preferences = z.infer<typeof preferencesSchema>;

export const defaultPreferences: Preferences = { dndUntil: null, openAtLogin: false, zoomLevel: 0, windowStates: { last: null, byDisplay: {} } };

export class PreferencesStore {
  private cache: Preferences | null = null;
  private loading: Promise<Preferences> | null = null;
  private writing: Promise<void> = Promise.resolve();

  constructor(private readonly file: string) {}

  /** Read once; callers that ask together share the one read. */
  read(): Promise<Preferences> {
    if (this.cache) return Promise.resolve(this.cache);
    this.loading ??= this.load();
    return this.loading;
  }

  private async load(): Promise<Preferences> {
    try {
      const raw: unknown = JSON.parse(await readFile(this.file, 'utf8'));
      const parsed = preferencesSchema.safeParse(raw);
      this.cache ??= parsed.success ? parsed.data : { ...defaultPreferences };
    } catch {
      this.cache ??= { ...defaultPreferences }; // first run, or a damaged file
    }
    return this.cache;
  }

  /** Writes are queued, so changes that come together (zoom steps, a window drag) land in order. */
  async update(change: Partial<Preferences>): Promise<Preferences> {
    await this.read();
    const next = { ...(this.cache ?? defaultPreferences), ...change };
    this.cache = next;
    const write = this.writing.then(async () => {
      await mkdir(dirname(this.file), { recursive: true });
      const temporary = `${this.file}.tmp`;
      await writeFile(temporary, JSON.stringify(this.cache, null, 2));
      await rename(temporary, this.file);
    });
    this.writing = write.catch(() => undefined);
    await write;
    return next;
  }
}
