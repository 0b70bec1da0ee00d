import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { assertKey, type FileStore } from './file-store.js';

/**
 * Files in a folder (`DATA_DIR/files`), one per key. A file is written under a temporary name and
 * renamed once complete, so a reader never sees half of one and a failed write leaves nothing.
 */
export function createDiskStore(dir: string): FileStore {
  let ready: Promise<unknown> | undefined;
  const ensureDir = () => (ready ??= mkdir(dir, { recursive: true }));

  return {
    kind: 'disk',
    async put(key, body) {
      assertKey(key);
      await ensureDir();
      const partial = join(dir, `${key}.${randomBytes(6).toString('hex')}.part`);
      try {
        await pipeline(body, createWriteStream(partial, { flags: 'wx' }));
        await rename(partial, join(dir, key));
      } catch (error) {
        body.destroy();
        await rm(partial, { force: true });
        throw error;
      }
    },
    async get(key) {
      assertKey(key);
      const stream = createReadStream(join(dir, key));
      return new Promise<Readable | null>((resolve, reject) => {
        stream.once('open', () => resolve(stream));
        stream.once('error', (error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? resolve(null) : reject(error)));
      });
    },
    async remove(keys) {
      for (const key of keys) assertKey(key);
      await Promise.all(keys.map((key) => rm(join(dir, key), { force: true })));
    },
  };
}
