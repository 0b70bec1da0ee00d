import DataLoader from 'dataloader';
import { existingSessions } from '../auth/sessions.queries.js';
import type { Database } from '../db/client.js';

/**
 * Whether a session still exists, asked once per new socket: the checks of the sockets that
 * connect in one tick (a thousand desktops back after a restart) go out as one query.
 */
export function createSessionCheck(db: Database): (sessionId: number) => Promise<boolean> {
  const loader = new DataLoader<number, boolean>(
    async (ids) => {
      const found = await existingSessions(db, ids);
      return ids.map((id) => found.has(id));
    },
    // Never cached: each check must see the session as it is now.
    { cache: false, maxBatchSize: 500 },
  );
  return (sessionId) => loader.load(sessionId);
}
