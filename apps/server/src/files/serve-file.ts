import type { Response } from 'express';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FileRow } from './files.queries.js';
import { isInlineImage } from './image-types.js';

/**
 * Sends a file's bytes. Only the image types we re-encoded are shown as what they are, and even
 * they cannot run anything (`sandbox`); every other file is a download the browser must not sniff.
 */
export async function serveFile(res: Response, file: FileRow, body: Readable, variant: 'content' | 'thumbnail', download: boolean): Promise<void> {
  const inline = isInlineImage(file.type) && !download;
  res.status(200);
  res.setHeader('Content-Security-Policy', "sandbox; default-src 'none'");
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
  if (variant === 'thumbnail') {
    res.setHeader('Content-Type', 'image/webp');
  } else {
    // Express's `attachment` writes the name in both header forms (ASCII and UTF-8), quoted.
    if (!inline) res.attachment(file.name);
    res.setHeader('Content-Type', file.type);
    res.setHeader('Content-Length', String(file.size));
  }
  await pipeline(body, res);
}
