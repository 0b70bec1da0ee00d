import {
  fileContentPaths,
  fileIdSchema,
  fileLinksRequestSchema,
  fileRoutes as routes,
  ParleyError,
  parseOrThrow,
} from '@parley/shared';
import { Router, type Request, type RequestHandler, type Response } from 'express';
import type { AppContext } from '../context.js';
import { requireAuth, sessionOf } from '../http/auth.js';
import { reply } from '../http/reply.js';
import { deleteUnattachedOf, findFile, insertFile, readableFiles, toAttachment, usedBytes } from './files.queries.js';
import { keysOf, thumbnailKey } from './ingest.js';
import { isInlineImage } from './image-types.js';
import { receiveUpload } from './receive-upload.js';
import { serveFile } from './serve-file.js';
import type { Variant } from './signed-links.js';
import { uploadTarget } from './upload-target.js';

const noSuchFile = () => new ParleyError('not_found', 'There is no such file.');

/** Room for the multipart framing around a file of the largest size allowed. */
const multipartSlackBytes = 64 * 1024;

function fileIdOf(req: Request): string {
  const parsed = fileIdSchema.safeParse(req.params.id);
  if (!parsed.success) throw noSuchFile();
  return parsed.data;
}

/**
 * An upload refused before its body was read is answered at once and the connection closed
 * after it, so a client does not have to send the rest of a file nobody will keep.
 */
const closeAfterError: RequestHandler = (req, res, next) => {
  res.once('finish', () => {
    if (res.statusCode >= 400 && !req.complete) req.socket.destroySoon();
  });
  next();
};

export function filesRoutes(ctx: AppContext): Router {
  const router = Router();
  const auth = requireAuth(ctx);
  const { maxUploadBytes, quotaBytes } = ctx.settings.files;
  const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

  router.post(routes.upload.path, closeAfterError, auth, async (req, res) => {
    res.setHeader('Connection', 'close');
    const { user } = sessionOf(res);
    const target = await uploadTarget(ctx.db, user.user_id, req.query);
    const declared = Number(req.headers['content-length']);
    if (declared > maxUploadBytes + multipartSlackBytes) {
      throw new ParleyError('payload_too_large', `A file may be at most ${mb(maxUploadBytes)} MiB.`);
    }
    await ctx.rateLimits.write('fileUpload', user.user_id);
    const remaining = quotaBytes - (await usedBytes(ctx.db, user.user_id));
    const overQuota = () => new ParleyError('payload_too_large', `Your files may take at most ${mb(quotaBytes)} MiB; remove some first.`);
    if (remaining <= 0) throw overQuota();
    const limit = Math.min(maxUploadBytes, remaining);
    const tooLarge = () => (limit < maxUploadBytes ? overQuota() : new ParleyError('payload_too_large', `A file may be at most ${mb(maxUploadBytes)} MiB.`));
    const stored = await receiveUpload(req, ctx.fileStore, limit, tooLarge);
    try {
      const row = await insertFile(ctx.db, user.user_id, target, stored, ctx.clock.now());
      reply(res, routes.upload, { file: toAttachment(row) });
    } catch (error) {
      await ctx.fileStore.remove(keysOf(stored.id)).catch(() => undefined);
      throw error;
    }
  });

  router.post(routes.links.path, auth, async (req, res) => {
    const { user } = sessionOf(res);
    const { file_ids } = parseOrThrow(fileLinksRequestSchema, req.body);
    const rows = await readableFiles(ctx.db, file_ids, user.user_id);
    const now = ctx.clock.now();
    reply(res, routes.links, { links: rows.map((row) => ctx.fileLinks.linkFor(row.id, isInlineImage(row.type), now)) });
  });

  router.get(routes.get.path, auth, async (req, res) => {
    const { user } = sessionOf(res);
    const [row] = await readableFiles(ctx.db, [fileIdOf(req)], user.user_id);
    // Someone else's file answers exactly like a missing one.
    if (!row) throw noSuchFile();
    reply(res, routes.get, { file: toAttachment(row), link: ctx.fileLinks.linkFor(row.id, isInlineImage(row.type), ctx.clock.now()) });
  });

  router.delete(routes.discard.path, auth, async (req, res) => {
    const { user } = sessionOf(res);
    const removed = await deleteUnattachedOf(ctx.db, fileIdOf(req), user.user_id);
    if (removed.length === 0) throw noSuchFile();
    await ctx.fileStore.remove(removed.flatMap(keysOf));
    reply(res, routes.discard, { status: 'discarded' });
  });

  const content = (variant: Variant) => async (req: Request, res: Response) => {
    const id = fileIdOf(req);
    ctx.fileLinks.verify(id, variant, req.query, ctx.clock.now());
    const row = await findFile(ctx.db, id);
    if (!row || (variant === 'thumbnail' && !isInlineImage(row.type))) throw noSuchFile();
    const body = await ctx.fileStore.get(variant === 'thumbnail' ? thumbnailKey(id) : id);
    if (!body) throw noSuchFile();
    await serveFile(res, row, body, variant, req.query.download === '1');
  };
  router.get(fileContentPaths.content, content('content'));
  router.get(fileContentPaths.thumbnail, content('thumbnail'));

  return router;
}
