import { searchResponseSchema } from '../schemas/search.js';
import { defineRoute } from './define.js';

export const searchRoutes = {
  /** `?q=<words>&before=<cursor>`: messages of every conversation the caller can read, newest first. */
  search: defineRoute({ method: 'GET', path: '/search', status: 200, response: searchResponseSchema, authenticated: true }),
} as const;
