import { createHash, randomBytes } from 'node:crypto';

/** 32 random bytes, base64url: the form of session tokens and registration link tokens. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Only this digest is stored, so the database never holds a usable token. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
