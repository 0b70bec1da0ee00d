import type { Readable } from 'node:stream';

/**
 * Where file bytes live, by key (a random file id, never a name a user gave). Both stores stream:
 * neither holds a whole file in memory.
 */
export interface FileStore {
  readonly kind: 'disk' | 's3';
  /**
   * Writes `body` under `key`. When `body` fails (an aborted upload, a limit), the promise
   * rejects with that error and nothing is left under `key`.
   */
  put(key: string, body: Readable, contentType: string): Promise<void>;
  /** The bytes under `key`, or null when there are none. */
  get(key: string): Promise<Readable | null>;
  /** Removes what is under each key; a missing key is not an error. */
  remove(keys: string[]): Promise<void>;
}

const keyPattern = /^[A-Za-z0-9_-]{1,64}(\.[a-z]{1,8})?$/;

/** Keys are made by the server; anything else reaching a store is a programming error. */
export function assertKey(key: string): void {
  if (!keyPattern.test(key)) throw new TypeError('not a file store key');
}
