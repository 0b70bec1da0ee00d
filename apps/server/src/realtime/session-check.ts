import { existingSessions } from '../auth/sessions.queries.js';
import type { Database } from '../db/client.js';
import { busyBatches } from '../db/busy-batches.js';

/**
 * Whether a session still exists, asked once per new socket: the checks of the sockets that
 * connect while one is in the database (a thousand desktops back after a restart) go out as the
 * next query.
 */
export function createSessionCheck(db: Database): (sessionId: number) => Promise<boolean> {
  const loader = busyBatches<number, boolean>(
    async (ids) => {
      const found = await existingSessions(db, ids);
      return ids.map((id) => found.has(id));
    },
    { concurrency: db.poolSize > 1 ? 2 : 1 },
  );
  return (sessionId) => loader.load(sessionId);
}
