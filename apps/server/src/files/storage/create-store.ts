import type { FileSettings } from '../../env.js';
import { createDiskStore } from './disk-store.js';
import type { FileStore } from './file-store.js';
import { createS3Store } from './s3-store.js';

/** The store the settings name: S3 when `S3_URL` is set, else the disk under `DATA_DIR/files`. */
export function createFileStore(settings: FileSettings): FileStore {
  return settings.s3 ? createS3Store(settings.s3) : createDiskStore(settings.dir);
}
