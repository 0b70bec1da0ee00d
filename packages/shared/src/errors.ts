import { z } from 'zod';

/** Every error code the wire knows, with the HTTP status it travels with. */
export const errorStatus = {
  invalid_input: 400,
  unauthorized: 401,
  invalid_credentials: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  link_expired: 410,
  payload_too_large: 413,
  /** The Host header names none of the server's own names (DNS rebinding). */
  misdirected: 421,
  rate_limited: 429,
  internal: 500,
  /** Overloaded or its database is down: nothing was done, retry after `Retry-After`. */
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export const errorCodeSchema = z.enum(Object.keys(errorStatus) as [ErrorCode, ...ErrorCode[]]);

export const errorDetailSchema = z.object({
  code: errorCodeSchema,
  message: z.string(),
  /** Per-field reasons, present with `invalid_input`. */
  fields: z.record(z.string(), z.string()).optional(),
});
export type ErrorDetail = z.infer<typeof errorDetailSchema>;

export const errorBodySchema = z.object({ error: errorDetailSchema });
export type ErrorBody = z.infer<typeof errorBodySchema>;

/**
 * An error as a value: thrown or returned inside server and client, mapped to the wire shape in
 * one place on each side.
 */
export class ParleyError extends Error {
  readonly code: ErrorCode;
  readonly fields: Record<string, string> | undefined;
  /** Seconds until the request may be retried (`rate_limited`, `unavailable`). */
  readonly retryAfterSeconds: number | undefined;

  constructor(
    code: ErrorCode,
    message: string,
    options: { fields?: Record<string, string>; retryAfterSeconds?: number } = {},
  ) {
    super(message);
    this.name = 'ParleyError';
    this.code = code;
    this.fields = options.fields;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }

  get status(): number {
    return errorStatus[this.code];
  }

  toDetail(): ErrorDetail {
    return this.fields
      ? { code: this.code, message: this.message, fields: this.fields }
      : { code: this.code, message: this.message };
  }

  toBody(): ErrorBody {
    return { error: this.toDetail() };
  }
}

/** Turns a failed zod parse into `invalid_input` with one reason per field. */
export function invalidInput(error: z.ZodError, message = 'Some fields are not valid.'): ParleyError {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.length > 0 ? issue.path.join('.') : '_';
    fields[key] ??= issue.message;
  }
  return new ParleyError('invalid_input', message, { fields });
}

/**
 * Plain reasons for the shapes zod words for developers ("expected string, received undefined").
 * Messages a schema sets itself take precedence over these.
 */
const plainReasons: z.core.$ZodErrorMap = (issue) => {
  if (issue.code !== 'invalid_type') return undefined;
  if (issue.input === undefined) return 'is required';
  if (issue.expected === 'object') return 'must be a JSON object';
  if (issue.expected === 'string') return 'must be text';
  if (issue.expected === 'number') return 'must be a number';
  return undefined;
};

/** Parses `input` or throws `invalid_input` naming the fields that failed. */
export function parseOrThrow<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const result = schema.safeParse(input, { error: plainReasons });
  if (!result.success) throw invalidInput(result.error);
  return result.data;
}
