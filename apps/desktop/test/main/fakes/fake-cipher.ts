import type { SecretCipher } from '../../../src/main/session/token-store.js';

/**
 * Stands in for safeStorage: a reversible scramble that never leaves the text readable. With a
 * `backend` it is Linux's, which also says where its key comes from.
 */
export class FakeCipher implements SecretCipher {
  getSelectedStorageBackend?: () => string;
  constructor(
    public available = true,
    backend?: string,
  ) {
    if (backend !== undefined) this.getSelectedStorageBackend = () => backend;
  }
  isEncryptionAvailable(): boolean {
    return this.available;
  }
  encryptString(plainText: string): Buffer {
    return Buffer.from(`enc:${Buffer.from(plainText).toString('base64').split('').reverse().join('')}`);
  }
  decryptString(encrypted: Buffer): string {
    const text = encrypted.toString();
    if (!text.startsWith('enc:')) throw new Error('not encrypted by this key');
    return Buffer.from(text.slice(4).split('').reverse().join(''), 'base64').toString();
  }
}
