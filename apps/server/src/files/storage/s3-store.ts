import { DeleteObjectsCommand, GetObjectCommand, NoSuchKey, S3Client } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import type { Readable } from 'node:stream';
import type { FileSettings } from '../../env.js';
import { assertKey, type FileStore } from './file-store.js';

type S3Settings = NonNullable<FileSettings['s3']>;

/**
 * An S3-compatible bucket (AWS, MinIO, Ceph, Garage...). Path-style addressing, which every
 * S3-compatible server understands; uploads go in 8 MiB parts, so memory stays bounded whatever
 * the file's size, and a failed upload aborts its multipart upload (nothing is left).
 */
export function createS3Store(settings: S3Settings): FileStore {
  const client = new S3Client({
    endpoint: settings.url,
    region: settings.region,
    forcePathStyle: true,
    credentials:
      settings.accessKeyId && settings.secretAccessKey
        ? { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey }
        : undefined,
  });
  const Bucket = settings.bucket;

  return {
    kind: 's3',
    async put(key, body, contentType) {
      assertKey(key);
      let failure: unknown;
      // The SDK reads the body itself; an error of the body must still reject the upload.
      body.once('error', (error) => {
        failure = error;
      });
      const upload = new Upload({
        client,
        params: { Bucket, Key: key, Body: body, ContentType: contentType },
        partSize: 8 * 1024 * 1024,
        queueSize: 2,
        leavePartsOnError: false,
      });
      try {
        await upload.done();
      } catch (error) {
        body.destroy();
        throw failure ?? error;
      }
      if (failure) {
        await this.remove([key]);
        throw failure;
      }
    },
    async get(key) {
      assertKey(key);
      try {
        const answer = await client.send(new GetObjectCommand({ Bucket, Key: key }));
        return (answer.Body as Readable | undefined) ?? null;
      } catch (error) {
        if (error instanceof NoSuchKey || (error as { name?: string }).name === 'NoSuchKey') return null;
        throw error;
      }
    },
    async remove(keys) {
      for (const key of keys) assertKey(key);
      for (let i = 0; i < keys.length; i += 1000) {
        const Objects = keys.slice(i, i + 1000).map((Key) => ({ Key }));
        if (Objects.length > 0) await client.send(new DeleteObjectsCommand({ Bucket, Delete: { Objects, Quiet: true } }));
      }
    },
  };
}
