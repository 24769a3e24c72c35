import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import type { DataKey } from '@mindflow/events';

/**
 * The envelope around a stored data key: the key store never holds a data key in the clear. This is the interface a
 * production KMS adapter implements (SECURITY.md, "Key store"): `wrap` = the KMS's Encrypt (or GenerateDataKey's
 * ciphertext half) under a key-encryption key that never leaves the KMS, `unwrap` = its Decrypt, both with the user
 * id as encryption context, so a wrapped key copied to another user's row does not unwrap. `keyId` names the wrapping
 * key, so the master key can be rotated (new wraps use the new one; old rows unwrap with theirs, re-wrapped lazily).
 */
export interface KeyWrapper {
  readonly keyId: string;
  wrap(userId: string, key: DataKey): Promise<Buffer>;
  unwrap(userId: string, keyId: string, wrapped: Buffer): Promise<DataKey>;
}

/**
 * The embedded wrapper: AES-256-GCM under a master key from configuration (`KEY_STORE_MASTER_KEY`, 32 bytes base64).
 * The wrapped form is IV (12) ‖ ciphertext (32) ‖ tag (16); the AAD is the user id.
 */
export class MasterKeyWrapper implements KeyWrapper {
  readonly keyId: string;

  constructor(private readonly masterKey: Buffer) {
    if (masterKey.length !== 32) throw new TypeError('the key store master key must be 32 bytes (base64 in KEY_STORE_MASTER_KEY)');
    // A fingerprint, not the key: which master key wrapped a row, for rotation.
    this.keyId = `local:${createHash('sha256').update(masterKey).digest('hex').slice(0, 16)}`;
  }

  static fromBase64(text: string): MasterKeyWrapper {
    return new MasterKeyWrapper(Buffer.from(text, 'base64'));
  }

  wrap(userId: string, key: DataKey): Promise<Buffer> {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.masterKey, iv);
    cipher.setAAD(Buffer.from(userId.toLowerCase()));
    return Promise.resolve(Buffer.concat([iv, cipher.update(key), cipher.final(), cipher.getAuthTag()]));
  }

  unwrap(userId: string, keyId: string, wrapped: Buffer): Promise<DataKey> {
    if (keyId !== this.keyId) return Promise.reject(new Error(`data key of ${userId} was wrapped by master key ${keyId}, not the configured ${this.keyId}`));
    const decipher = createDecipheriv('aes-256-gcm', this.masterKey, wrapped.subarray(0, 12));
    decipher.setAAD(Buffer.from(userId.toLowerCase()));
    decipher.setAuthTag(wrapped.subarray(wrapped.length - 16));
    return Promise.resolve(Buffer.concat([decipher.update(wrapped.subarray(12, wrapped.length - 16)), decipher.final()]));
  }
}
