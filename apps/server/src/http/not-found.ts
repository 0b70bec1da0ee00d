import { ParleyError } from '@parley/shared';
import type { RequestHandler } from 'express';

export const notFound: RequestHandler = () => {
  throw new ParleyError('not_found', 'There is nothing here.');
};
