import { selfUserSchema, type SelfUser } from '@parley/shared';
import { z } from 'zod';

// Web only: the desktop app keeps its token in the main process, never in the page.
const storageKey = 'parley.session';

const storedSessionSchema = z.object({ token: z.string().min(1), user: selfUserSchema });
export type StoredSession = z.infer<typeof storedSessionSchema>;

export function readSession(storage: Storage): StoredSession | null {
  const raw = storage.getItem(storageKey);
  if (!raw) return null;
  try {
    const parsed = storedSessionSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function writeSession(storage: Storage, session: { token: string; user: SelfUser } | null): void {
  if (session) storage.setItem(storageKey, JSON.stringify(session));
  else storage.removeItem(storageKey);
}
