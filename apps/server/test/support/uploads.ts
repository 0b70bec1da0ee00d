import { request } from 'node:http';
import { crc32 } from 'node:zlib';
import type { Attachment, FileResponse } from '@parley/shared';
import sharp from 'sharp';
import { call, type Reply } from './http.js';

/** `POST /files` with one file, as a browser's FormData sends it. */
export async function upload(
  server: { url: string },
  token: string,
  target: string,
  file: { name: string; bytes: Uint8Array; type?: string },
): Promise<Reply<{ file: Attachment; error?: { code: string; message: string } }>> {
  const form = new FormData();
  form.append('file', new Blob([file.bytes], { type: file.type ?? 'application/octet-stream' }), file.name);
  const response = await fetch(`${server.url}/files?${target}`, { method: 'POST', headers: { authentication: token }, body: form });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined, text };
}

/** Fresh links for a file the caller may read. */
export async function linkOf(server: { url: string }, token: string, fileId: string) {
  const answer = await call<FileResponse>(server, 'GET', `/files/${fileId}`, { token });
  if (answer.status !== 200) throw new Error(`GET /files/${fileId} answered ${answer.status}`);
  return answer.body.link;
}

export async function download(server: { url: string }, path: string) {
  const response = await fetch(`${server.url}${path}`);
  return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) };
}

export function pngOf(width: number, height: number): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 200, g: 30, b: 90 } } }).png().toBuffer();
}

/** A photo as a phone writes it: with the place it was taken in its EXIF. */
export function jpegWithGps(): Promise<Buffer> {
  return sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 10, g: 120, b: 40 } } })
    .jpeg()
    .withExif({ IFD0: { Make: 'PhoneCo' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '51/1 30/1 0/1', GPSLongitudeRef: 'W', GPSLongitude: '0/1 7/1 0/1' } })
    .toBuffer();
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A few hundred bytes claiming 100,000 × 100,000 pixels: decoded, it would take 30 GB. */
export function pngBomb(): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(100_000, 0);
  header.writeUInt32BE(100_000, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', Buffer.from([0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01])),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/**
 * Starts a multipart upload that promises `declaredBytes` of file, sends `sentBytes` of it and
 * cuts the connection: what a closed laptop lid does to an upload.
 */
export function interruptedUpload(
  url: string,
  token: string,
  target: string,
  declaredBytes: number,
  sentBytes: number,
  start: Buffer = Buffer.alloc(0),
  name = 'big.bin',
): Promise<void> {
  const boundary = 'parleyboundary';
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return new Promise((resolve) => {
    const req = request(`${url}/files?${target}`, {
      method: 'POST',
      headers: {
        authentication: token,
        'content-type': `multipart/form-data; boundary=${boundary}`,
        'content-length': String(head.length + declaredBytes + tail.length),
      },
    });
    req.on('error', () => resolve());
    req.write(head);
    req.write(Buffer.concat([start, Buffer.alloc(Math.max(0, sentBytes - start.length), 7)]), () => {
      setTimeout(() => {
        req.destroy();
        resolve();
      }, 200);
    });
  });
}
