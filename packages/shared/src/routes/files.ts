import {
  fileLinksResponseSchema,
  fileResponseSchema,
  uploadResponseSchema,
} from '../schemas/files.js';
import { z } from 'zod';
import { defineRoute } from './define.js';

export const fileRoutes = {
  /** multipart/form-data with one file; `?other_user_id=` or `?chat_group_id=` names where it goes. */
  upload: defineRoute({ method: 'POST', path: '/files', status: 201, response: uploadResponseSchema, authenticated: true }),
  /** The file's details and fresh links; 404 for a file the caller may not read. */
  get: defineRoute({ method: 'GET', path: '/files/:id', status: 200, response: fileResponseSchema, authenticated: true }),
  /** Fresh links for many files at once (a page of history). */
  links: defineRoute({ method: 'POST', path: '/files/links', status: 200, response: fileLinksResponseSchema, authenticated: true }),
  /** A pending upload the caller no longer wants (removed from the composer). */
  discard: defineRoute({ method: 'DELETE', path: '/files/:id', status: 200, response: z.object({ status: z.literal('discarded') }), authenticated: true }),
} as const;

/** Signed by the server, opened without headers: `?exp=<unix seconds>&sig=<hmac>`. */
export const fileContentPaths = {
  content: '/files/:id/content',
  thumbnail: '/files/:id/thumbnail',
} as const;
