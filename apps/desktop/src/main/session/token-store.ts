import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/** Electron's `safeStorage`, reduced to what the store uses (a fake in tests). */
export interface SecretCipher {
  isEncryptionAvailable(): boolean;
  /** Linux only (absent at run time elsewhere): where the encryption key comes from. */
  getSelectedStorageBackend?: () => string;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

/**
 * Linux backends that are no keyring at all: `basic_text` encrypts with a key written in
 * Chromium's source, so its "encrypted" file is as readable as plain text; `unknown` means none
 * was chosen.
 */
const noKeyring = new Set(['basic_text', 'unknown']);

/** Whether the OS keyring really protects what the cipher encrypts. */
export function keyringAvailable(cipher: SecretCipher): boolean {
  if (!cipher.isEncryptionAvailable()) return false;
  const backend = typeof cipher.getSelectedStorageBackend === 'function' ? cipher.getSelectedStorageBackend() : null;
  return backend === null || !noKeyring.has(backend);
}

/**
 * The session token, encrypted with the OS keyring (safeStorage) in the user-data folder. Where
 * no keyring is available the token is kept in memory only: the user signs in again next start
 * rather than the token ever lying on disk readable. The renderer never sees it.
 */
export class TokenStore {
  private memory: string | null = null;

  constructor(
    private readonly file: string,
    private readonly cipher: SecretCipher,
  ) {}

  /** Whether a sign-in outlasts this run of the app. */
  get persistent(): boolean {
    return keyringAvailable(this.cipher);
  }

  async save(token: string): Promise<void> {
    this.memory = token;
    if (!this.persistent) {
      await rm(this.file, { force: true });
      return;
    }
    await mkdir(dirname(this.file), { recursive: true });
    await writeFile(this.file, this.cipher.encryptString(token), { mode: 0o600 });
  }

  async load(): Promise<string | null> {
    if (this.memory !== null) return this.memory;
    if (!this.persistent) {
      // A file from a run with the fixed key (or from an older version) is not trusted: remove it.
      await rm(this.file, { force: true });
      return null;
    }
    try {
      this.memory = this.cipher.decryptString(await readFile(this.file));
      return this.memory;
    } catch {
      return null; // no file yet, or written under another OS user / keyring: sign in again
    }
  }

  /** The token as last loaded or saved, for synchronous use by the REST client. */
  current(): string | null {
    return this.memory;
  }

  async clear(): Promise<void> {
    this.memory = null;
    await rm(this.file, { force: true });
  }
}
