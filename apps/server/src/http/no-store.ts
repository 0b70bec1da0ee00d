import type { RequestHandler } from 'express';

/**
 * Answers carry tokens, names and messages, so no cache (browser or proxy) keeps any of them.
 * The web client's own files lift this again (`web-client.routes.ts`).
 */
export const noStore: RequestHandler = (_req, res, next) => {
  res.setHeader('Cache-Control', 'no-store');
  next();
};
