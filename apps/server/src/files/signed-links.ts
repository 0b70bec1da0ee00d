import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { fileContentPaths, fileLimits, ParleyError, routePath, type FileLink } from '@parley/shared';

export type Variant = 'content' | 'thumbnail';

/**
 * Download links an `<img>` can open without headers: the file id, what is wanted and an expiry,
 * signed with HMAC-SHA256. Without the key nobody can make one, and each stops working at `exp`.
 */
export interface FileLinks {
  linkFor(fileId: string, hasThumbnail: boolean, now: Date): FileLink;
  /** Throws `not_found` for a bad signature and `link_expired` for an old one. */
  verify(fileId: string, variant: Variant, query: { exp?: unknown; sig?: unknown }, now: Date): void;
}

export function createFileLinks(secret: string | undefined): FileLinks {
  const key = secret ? Buffer.from(secret, 'utf8') : randomBytes(32);
  const sign = (fileId: string, variant: Variant, exp: number) =>
    createHmac('sha256', key).update(`${fileId}:${variant}:${exp}`).digest('base64url');
  const url = (fileId: string, variant: Variant, exp: number, download = false) =>
    `${routePath({ path: fileContentPaths[variant] }, { id: fileId })}?exp=${exp}&sig=${sign(fileId, variant, exp)}${download ? '&download=1' : ''}`;

  return {
    linkFor(fileId, hasThumbnail, now) {
      const exp = Math.floor((now.getTime() + fileLimits.linkTtlMs) / 1000);
      return {
        file_id: fileId,
        url: url(fileId, 'content', exp),
        thumbnail_url: hasThumbnail ? url(fileId, 'thumbnail', exp) : null,
        download_url: url(fileId, 'content', exp, true),
        expires_at: new Date(exp * 1000).toISOString(),
      };
    },
    verify(fileId, variant, query, now) {
      const exp = typeof query.exp === 'string' && /^\d{1,12}$/.test(query.exp) ? Number(query.exp) : NaN;
      const given = typeof query.sig === 'string' ? Buffer.from(query.sig, 'base64url') : Buffer.alloc(0);
      const wanted = Buffer.from(Number.isNaN(exp) ? '' : sign(fileId, variant, exp), 'base64url');
      if (Number.isNaN(exp) || given.length !== wanted.length || !timingSafeEqual(given, wanted)) {
        throw new ParleyError('not_found', 'There is no such file.');
      }
      if (exp * 1000 <= now.getTime()) throw new ParleyError('link_expired', 'This link has expired; open the file again from its message.');
    },
  };
}
