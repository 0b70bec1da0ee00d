import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/** Electron's `safeStorage`, reduced to what the store uses (a fake in tests). */
export interface SecretCipher {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

/**
 * The session token, encrypted with the OS keychain (safeStorage) in the user-data folder. Where
 * no keychain is available the token is kept in memory only: the user signs in again next start
 * rather than the token ever lying on disk in plain text. The renderer never sees it.
 */
export class TokenStore {
  private memory: string | null = null;

  constructor(
    private readonly file: string,
    private readonly cipher: SecretCipher,
  ) {}

  async save(token: string): Promise<void> {
    this.memory = token;
    if (!this.cipher.isEncryptionAvailable()) {
      await rm(this.file, { force: true });
      return;
    }
    await mkdir(dirname(this.file), { recursive: true });
    await writeFile(this.file, this.cipher.encryptString(token), { mode: 0o600 });
  }

  async load(): Promise<string | null> {
    if (this.memory !== null) return this.memory;
    if (!this.cipher.isEncryptionAvailable()) return null;
    try {
      this.memory = this.cipher.decryptString(await readFile(this.file));
      return this.memory;
    } catch {
      return null; // no file yet, or written under another OS user / keychain: sign in again
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
