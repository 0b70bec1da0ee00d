import { randomBytes } from 'node:crypto';
import { PassThrough, Transform, type Readable } from 'node:stream';
import { fileLimits, ParleyError } from '@parley/shared';
import { fileTypeStream as detect } from 'file-type';
import sharp, { type OutputInfo } from 'sharp';
import { extensionOf, sanitizeFileName } from './file-names.js';
import { imageExtensions, inlineImageTypes, type InlineFormat } from './image-types.js';
import { createSlots } from './slots.js';
import type { FileStore } from './storage/file-store.js';

/**
 * sharp holds an image whole (the upload, then its pixels), so images are re-encoded two at a
 * time; the others wait unread, their senders held back by TCP, and memory stays bounded.
 */
const imageSlots = createSlots(2);
// libvips' operation cache would keep decoded pixels of images nobody asks for again.
sharp.cache(false);

export interface IngestedFile {
  id: string;
  name: string;
  type: string;
  size: number;
  width?: number;
  height?: number;
}

export const thumbnailKey = (fileId: string) => `${fileId}.thumb`;
export const keysOf = (fileId: string) => [fileId, thumbnailKey(fileId)];

// The Node overload of `fileTypeStream`, which the type declarations hide behind the web one.
const fileTypeStream = detect as unknown as (
  stream: Readable,
  options: { sampleSize: number },
) => Promise<Readable & { readonly fileType?: { mime: string } }>;

export function newFileId(): string {
  return randomBytes(16).toString('base64url');
}

const notAnImage = () =>
  new ParleyError('invalid_input', 'The file is named as an image but its content is not one.', {
    fields: { file: 'is not the image its name says' },
  });

/** sharp's errors, in the protocol's terms. */
function imageError(error: unknown): unknown {
  if (error instanceof ParleyError) return error;
  const message = error instanceof Error ? error.message : '';
  if (/pixel limit/i.test(message)) {
    return new ParleyError('payload_too_large', `The image has too many pixels (at most ${fileLimits.maxImagePixels / 1e6} megapixels).`);
  }
  return new ParleyError('invalid_input', 'The image could not be read.', { fields: { file: 'is not a readable image' } });
}

/** Counts what passes through; it flows only once the store reads it. */
function counter(): Transform & { bytes: number } {
  const stream = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      stream.bytes += chunk.length;
      done(null, chunk);
    },
  }) as Transform & { bytes: number };
  stream.bytes = 0;
  return stream;
}

/**
 * A plain readable of a sharp output: sharp's are duplex streams whose writable side a clone
 * never uses, which the S3 SDK's reader takes for a stream closed early.
 */
function readableOf(stream: NodeJS.ReadableStream & { destroy(error?: Error): void; once(event: 'error', listener: (error: Error) => void): unknown }): PassThrough {
  const out = new PassThrough();
  stream.once('error', (error) => out.destroy(error));
  stream.pipe(out);
  return out;
}

/**
 * Re-encodes an image: turned upright and without its metadata (EXIF, with a phone's location),
 * stored with a thumbnail. sharp refuses an image with more than `maxImagePixels` from its header
 * alone, before decoding it.
 */
async function storeImage(store: FileStore, id: string, source: Readable, format: InlineFormat, type: string) {
  const animated = format === 'gif' || format === 'webp';
  const decoder = sharp({ limitInputPixels: fileLimits.maxImagePixels, animated, failOn: 'error' }).autoOrient();
  const full = decoder.clone().toFormat(format, format === 'jpeg' ? { quality: 90 } : {});
  const side = fileLimits.thumbnailMaxSide;
  const thumbnail = decoder.clone().resize({ width: side, height: side, fit: 'inside', withoutEnlargement: true }).webp({ quality: 80 });
  let info: OutputInfo | undefined;
  full.on('info', (given: OutputInfo) => {
    info = given;
  });
  // An aborted or oversized upload fails both outputs, which otherwise would wait for input forever.
  source.once('error', (error) => {
    full.destroy(error);
    thumbnail.destroy(error);
    decoder.destroy(error);
  });
  decoder.once('error', (error) => {
    full.destroy(error);
    thumbnail.destroy(error);
  });
  source.pipe(decoder);
  const written = await Promise.allSettled([
    store.put(id, readableOf(full), type),
    store.put(thumbnailKey(id), readableOf(thumbnail), 'image/webp'),
  ]);
  const failed = written.find((result) => result.status === 'rejected');
  if (failed) throw imageError(failed.reason);
  if (!info) throw imageError(new Error('no output'));
  return {
    size: info.size,
    width: info.width,
    height: info.pageHeight ?? info.height,
  };
}

/**
 * Stores one upload from its stream: its type sniffed from its first bytes (never the name's or
 * the client's word), images re-encoded with a thumbnail, everything else stored as it came.
 * On any failure nothing is left in the store and the error says why.
 */
export async function ingestFile(store: FileStore, source: Readable, rawName: string | undefined): Promise<IngestedFile> {
  const id = newFileId();
  const name = sanitizeFileName(rawName);
  try {
    const sniffed = await fileTypeStream(source, { sampleSize: 4100 });
    const type = sniffed.fileType?.mime ?? 'application/octet-stream';
    const format = inlineImageTypes.get(type as never);
    if (format) {
      // While it waits for a slot nobody reads it: a cut upload must still be noticed.
      let cut: unknown;
      const remember = (error: unknown) => {
        cut ??= error;
      };
      source.on('error', remember);
      sniffed.on('error', remember);
      const image = await imageSlots.run(() => {
        const failed = cut ?? source.errored ?? sniffed.errored;
        if (failed) throw failed;
        return storeImage(store, id, sniffed, format, type);
      });
      return { id, name, type, ...image };
    }
    if (imageExtensions.has(extensionOf(name))) throw notAnImage();
    const counted = counter();
    source.once('error', (error) => counted.destroy(error));
    sniffed.once('error', (error) => counted.destroy(error));
    sniffed.pipe(counted);
    await store.put(id, counted, type);
    return { id, name, type, size: counted.bytes };
  } catch (error) {
    source.destroy();
    await store.remove(keysOf(id)).catch(() => undefined);
    throw error;
  }
}
