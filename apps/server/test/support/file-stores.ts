import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import { afterAll, beforeAll } from 'vitest';

export type StoreKind = 'disk' | 's3';

export interface TestFileStore {
  /** Environment variables for the server: `DATA_DIR` (disk) or `S3_*`. */
  env: Record<string, string>;
  /** Every key in the store, for "nothing was left behind". */
  keys(): Promise<string[]>;
}

const bucket = 'parley-test';

/**
 * A file store for one test file: a temporary `DATA_DIR`, or s3rver (an S3 server in Node
 * that speaks the S3 REST protocol, multipart uploads included) in a temporary folder.
 */
export function useFileStore(kind: StoreKind): TestFileStore {
  const env: Record<string, string> = {};
  let dir = '';
  let s3: S3rver | undefined;
  let client: S3Client | undefined;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'parley-files-'));
    if (kind === 'disk') {
      env.DATA_DIR = dir;
      return;
    }
    s3 = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: dir, configureBuckets: [{ name: bucket, configs: [] }] });
    const address = await s3.run();
    const url = `http://127.0.0.1:${address.port}`;
    Object.assign(env, { DATA_DIR: dir, S3_URL: url, S3_BUCKET: bucket, S3_ACCESS_KEY_ID: 'S3RVER', S3_SECRET_ACCESS_KEY: 'S3RVER' });
    client = new S3Client({ endpoint: url, region: 'us-east-1', forcePathStyle: true, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } });
  });
  afterAll(async () => {
    client?.destroy();
    await s3?.close();
    await rm(dir, { recursive: true, force: true });
  });
  return {
    env,
    async keys() {
      if (kind === 'disk') {
        const names = await readdir(join(dir, 'files')).catch(() => [] as string[]);
        return names.sort();
      }
      const listed = await client!.send(new ListObjectsV2Command({ Bucket: bucket }));
      return (listed.Contents ?? []).map((item) => item.Key ?? '').sort();
    },
  };
}
