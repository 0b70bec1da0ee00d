import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { selfUserSchema } from '@parley/shared';
import { serverChoiceSchema } from '@parley/shared/ipc';
import { z } from 'zod';

/**
 * A server signed in to besides the one in the window, with who is signed in there; its token is
 * kept apart, encrypted (`tokenFileFor`). The one in the window stays in `server` and `user`.
 */
const otherServerSchema = z.object({ server: serverChoiceSchema, user: selfUserSchema.nullable() });
export type OtherServer = z.infer<typeof otherServerSchema>;

/** Small, non-secret settings: which server, who signed in last, the hosted server's port and reach. */
const settingsSchema = z.object({
  server: serverChoiceSchema.nullable().catch(null),
  user: selfUserSchema.nullable().catch(null),
  hostPort: z.number().int().min(1).max(65535).nullable().catch(null),
  /** The user chose to let others on the network join the hosted server (off unless chosen). */
  shareOnNetwork: z.boolean().catch(false),
  /** The other servers signed in to; `serverOrder` keeps the switcher's order (origins) across restarts. */
  otherServers: z.array(otherServerSchema).max(32).catch([]),
  serverOrder: z.array(z.string()).max(33).catch([]),
});
export type Settings = z.infer<typeof settingsSchema>;

const empty: Settings = { server: null, user: null, hostPort: null, shareOnNetwork: false, otherServers: [], serverOrder: [] };

export class SettingsStore {
  private cache: Settings | null = null;

  constructor(private readonly file: string) {}

  async read(): Promise<Settings> {
    if (this.cache) return this.cache;
    try {
      const parsed = settingsSchema.safeParse(JSON.parse(await readFile(this.file, 'utf8')));
      this.cache = parsed.success ? parsed.data : { ...empty };
    } catch {
      this.cache = { ...empty }; // first run, or a damaged file: start fresh rather than crash
    }
    return this.cache;
  }

  async update(change: Partial<Settings>): Promise<Settings> {
    const next = { ...(await this.read()), ...change };
    this.cache = next;
    await mkdir(dirname(this.file), { recursive: true });
    // Write then rename, so a crash mid-write never leaves half a file.
    const temporary = `${this.file}.tmp`;
    await writeFile(temporary, JSON.stringify(next, null, 2));
    await rename(temporary, this.file);
    return next;
  }
}
