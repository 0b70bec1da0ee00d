import { fileLimits } from '@parley/shared';
import type { Database } from '../db/client.js';
import { deleteFilesOfMessages, deleteUnattachedBefore } from './files.queries.js';
import { keysOf } from './ingest.js';
import type { FileStore } from './storage/file-store.js';

export interface FileDeps {
  db: Database;
  fileStore: FileStore;
}

/** Rows first, then bytes: a file whose row is gone can no longer be linked to, whatever follows. */
async function removeBytes(deps: FileDeps, ids: string[]): Promise<number> {
  if (ids.length > 0) await deps.fileStore.remove(ids.flatMap(keysOf));
  return ids.length;
}

/** What deleting messages does to their files: gone, row and bytes. */
export async function removeFilesOfMessages(deps: FileDeps, messageIds: number[]): Promise<number> {
  return removeBytes(deps, await deleteFilesOfMessages(deps.db, messageIds));
}

/** Housekeeping: files uploaded a day ago or more and never shown in a message (or no longer). */
export async function purgeUnattachedFiles(deps: FileDeps, now: Date): Promise<number> {
  let removed = 0;
  for (;;) {
    const ids = await deleteUnattachedBefore(deps.db, new Date(now.getTime() - fileLimits.unattachedTtlMs));
    removed += await removeBytes(deps, ids);
    if (ids.length < 1000) return removed;
  }
}
