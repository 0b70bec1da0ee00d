import { ParleyError } from '@parley/shared';
import type { RequestHandler } from 'express';

/**
 * Refuses a URL with bad percent-encoding before anything decodes it: Express 5's router (for
 * path parameters) and `send` (for static files) throw a URIError that would otherwise surface
 * as a 500. A URL decodes as a whole exactly when each of its parts does.
 */
export const rejectMalformedUrl: RequestHandler = (req, _res, next) => {
  try {
    decodeURIComponent(req.url);
  } catch {
    throw new ParleyError('invalid_input', 'The URL is not valid: it has bad percent-encoding.', {
      fields: { url: 'must be percent-encoded correctly' },
    });
  }
  next();
};
