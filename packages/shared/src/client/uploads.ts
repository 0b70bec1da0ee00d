import { fileRoutes } from '../routes/files.js';
import type { FileLink } from '../schemas/files.js';
import type { UploadTarget } from '../ipc/files.js';

/** `POST /files?...` for a conversation. */
export function uploadPath(target: UploadTarget): string {
  const query = 'otherUserId' in target ? `other_user_id=${target.otherUserId}` : `chat_group_id=${target.groupId}`;
  return `${fileRoutes.upload.path}?${query}`;
}

/** Links as the server gives them are paths on its origin; a client elsewhere needs them whole. */
export function absoluteLink(baseUrl: string, link: FileLink): FileLink {
  const whole = (path: string) => new URL(path, baseUrl).toString();
  return {
    ...link,
    url: whole(link.url),
    download_url: whole(link.download_url),
    thumbnail_url: link.thumbnail_url === null ? null : whole(link.thumbnail_url),
  };
}

/** A file name as a quoted multipart parameter: quotes and line breaks cannot end it early. */
function quoted(name: string): string {
  return `"${name.replace(/["\r\n\\]/g, '_')}"`;
}

/**
 * One file as a multipart/form-data body, in parts a caller can count as they are sent (the
 * desktop's main process reports progress from them).
 */
export function multipartParts(name: string, type: string, bytes: Uint8Array, boundary: string, chunkBytes = 256 * 1024) {
  const encoder = new TextEncoder();
  const safeType = /^[\w.+-]+\/[\w.+-]+$/.test(type) ? type : 'application/octet-stream';
  const head = encoder.encode(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename=${quoted(name)}\r\nContent-Type: ${safeType}\r\n\r\n`,
  );
  const tail = encoder.encode(`\r\n--${boundary}--\r\n`);
  const chunks: Uint8Array[] = [head];
  for (let offset = 0; offset < bytes.length; offset += chunkBytes) chunks.push(bytes.subarray(offset, offset + chunkBytes));
  chunks.push(tail);
  return { contentType: `multipart/form-data; boundary=${boundary}`, chunks, length: chunks.reduce((n, c) => n + c.length, 0) };
}
