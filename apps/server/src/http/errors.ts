import { ParleyError } from '@parley/shared';
import type { ErrorRequestHandler, Response } from 'express';
import { databaseUnavailable, isDatabaseUnavailable } from '../db/unavailable.js';
import type { Logger } from '../logger.js';

export function sendError(res: Response, error: ParleyError): void {
  if (error.retryAfterSeconds !== undefined) res.setHeader('Retry-After', String(error.retryAfterSeconds));
  res.status(error.status).json(error.toBody());
}

/**
 * body-parser's strict mode fails a body that is valid JSON but not an object or array (`"x"`,
 * `3`) with the same type as broken JSON; only parsing its raw body again tells the two apart.
 */
function isJsonButNotObject(error: object): boolean {
  const body = (error as { body?: unknown }).body;
  if (typeof body !== 'string') return false;
  try {
    JSON.parse(body);
    return true;
  } catch {
    return false;
  }
}

/** What body-parser throws, mapped to the protocol's codes. */
function fromBodyParser(error: unknown): ParleyError | null {
  if (typeof error !== 'object' || error === null || !('type' in error)) return null;
  switch ((error as { type: unknown }).type) {
    case 'entity.too.large':
      return new ParleyError('payload_too_large', 'The request body is larger than 64 KiB.');
    case 'entity.parse.failed':
      return isJsonButNotObject(error)
        ? new ParleyError('invalid_input', 'The request body must be a JSON object.', {
            fields: { _: 'must be a JSON object' },
          })
        : new ParleyError('invalid_input', 'The request body is not valid JSON.', { fields: { _: 'must be JSON' } });
    case 'parameters.too.many':
      return new ParleyError('invalid_input', 'The form has too many fields.', { fields: { _: 'has too many fields' } });
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new ParleyError('invalid_input', 'The request body has an unsupported encoding.');
    case 'request.aborted':
      return new ParleyError('invalid_input', 'The request was aborted.');
    default:
      return null;
  }
}

/**
 * A summary of an unexpected error that is safe to log: database errors quote their query
 * parameters (message text, password hashes), so only names, codes and the driver's own
 * message are kept.
 */
export function describeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { type: typeof error };
  const cause = error.cause instanceof Error ? error.cause : undefined;
  const source = cause ?? error;
  const code = (source as { code?: unknown }).code;
  const isQueryError = error.name === 'DrizzleQueryError' || error.message.startsWith('Failed query');
  return {
    type: error.name,
    code: typeof code === 'string' ? code : undefined,
    message: isQueryError ? cause?.message : error.message,
    stack: isQueryError ? undefined : error.stack,
  };
}

/** The last handler: every error leaves in the protocol's shape, never with a stack trace. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, _req, res, _next) => {
    const known = error instanceof ParleyError ? error : fromBodyParser(error);
    if (res.headersSent) {
      res.end();
      return;
    }
    if (known) {
      sendError(res, known);
      return;
    }
    if (isDatabaseUnavailable(error)) {
      logger.warn({ err: describeError(error) }, 'request refused: the database is unreachable');
      sendError(res, databaseUnavailable());
      return;
    }
    logger.error({ err: describeError(error) }, 'request failed');
    sendError(res, new ParleyError('internal', 'Something went wrong on the server.'));
  };
}
