import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { createHashingQueue, type HashingQueue } from './hashing-queue.js';

/** scrypt work factors. N is stored as log2 so a hash says how it was made. */
export interface ScryptParams {
  logN: number;
  r: number;
  p: number;
}

/** N = 2^15, r = 8, p = 1 (OWASP's floor for scrypt), a 64-byte key and a 16-byte salt. */
export const productionScryptParams: ScryptParams = { logN: 15, r: 8, p: 1 };
const keyLength = 64;
const saltLength = 16;

function derive(password: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  const N = 2 ** params.logN;
  // scrypt needs 128·N·r bytes; Node's default cap (32 MiB) is exactly that at N=2^15, r=8.
  const options: ScryptOptions = { N, r: params.r, p: params.p, maxmem: 256 * N * params.r };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, keyLength, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

/** Hashes with scrypt; the result is `scrypt$<logN>$<r>$<p>$<salt b64>$<key b64>`. */
export async function hashPassword(password: string, params: ScryptParams): Promise<string> {
  const salt = randomBytes(saltLength);
  const key = await derive(password, salt, params);
  return ['scrypt', params.logN, params.r, params.p, salt.toString('base64'), key.toString('base64')].join('$');
}

/** Checks a password against a stored hash, in constant time once the key is derived. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [, logN, r, p, salt, key] = parts;
  const params = { logN: Number(logN), r: Number(r), p: Number(p) };
  if (![params.logN, params.r, params.p].every((n) => Number.isInteger(n) && n > 0)) return false;
  const expected = Buffer.from(key!, 'base64');
  const actual = await derive(password, Buffer.from(salt!, 'base64'), params);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/**
 * Hashing and checking with fixed parameters, every one through a bounded queue (a full queue
 * throws `unavailable`). `burn` is checked when an address has no account, so an unknown address
 * costs the same time as a wrong password.
 */
export interface Passwords {
  hash(password: string): Promise<string>;
  verify(password: string, stored: string): Promise<boolean>;
  /** Spends one verification's time and always fails. */
  burn(password: string): Promise<false>;
}

export function createPasswords(
  params: ScryptParams = productionScryptParams,
  queue: HashingQueue = createHashingQueue(),
): Passwords {
  // Made once, outside the queue: a refusal must not be remembered as the dummy itself.
  let dummy: Promise<string> | undefined;
  return {
    hash: (password) => queue.run(() => hashPassword(password, params)),
    verify: (password, stored) => queue.run(() => verifyPassword(password, stored)),
    async burn(password) {
      dummy ??= hashPassword('parley dummy password', params);
      const stored = await dummy;
      await queue.run(() => verifyPassword(password, stored));
      return false;
    },
  };
}
