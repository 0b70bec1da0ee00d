import { pino, type DestinationStream, type Logger } from 'pino';

/**
 * Paths pino blanks wherever they appear in a log line. Routes never log bodies, but an error or
 * a careless `log.info(obj)` could carry one, so the names are covered anyway.
 */
export const redactedPaths = [
  'req.headers.authentication',
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  '*.password',
  '*.token',
  '*.message_text',
  'password',
  'token',
  'auth.token',
];

export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = { level, redact: { paths: redactedPaths, censor: '[redacted]' } };
  return destination ? pino(options, destination) : pino(options);
}

export type { Logger };
