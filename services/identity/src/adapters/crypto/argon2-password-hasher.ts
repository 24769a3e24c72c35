import type { PasswordHasher } from '../../application/ports/password-hasher.js';
import { argon2, randomBytes, timingSafeEqual, type Argon2Parameters } from 'node:crypto';

/** Argon2id cost. The defaults are OWASP's minimum (19 MiB, 2 passes, 1 lane); raise them when the hardware allows. */
export interface Argon2Cost {
  readonly memoryKiB: number;
  readonly passes: number;
  readonly parallelism: number;
}

export const defaultArgon2Cost: Argon2Cost = { memoryKiB: 19_456, passes: 2, parallelism: 1 };

export type { PasswordHasher };

const saltBytes = 16;
const tagBytes = 32;
// Node's own Argon2 (node:crypto, Node ≥ 24.7): the libuv thread pool, no native add-on to install.
const phc = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/;

function derive(password: string, salt: Buffer, cost: Argon2Cost, tagLength = tagBytes): Promise<Buffer> {
  const parameters: Argon2Parameters = {
    message: Buffer.from(password, 'utf8'),
    nonce: salt,
    parallelism: cost.parallelism,
    tagLength,
    memory: cost.memoryKiB,
    passes: cost.passes,
  };
  return new Promise((resolve, reject) => argon2('argon2id', parameters, (error, key) => (error ? reject(error) : resolve(key))));
}

const b64 = (bytes: Buffer) => bytes.toString('base64').replace(/=+$/, '');

export function argon2PasswordHasher(cost: Argon2Cost = defaultArgon2Cost): PasswordHasher {
  return {
    async hash(password) {
      const salt = randomBytes(saltBytes);
      const key = await derive(password, salt, cost);
      return `$argon2id$v=19$m=${cost.memoryKiB},t=${cost.passes},p=${cost.parallelism}$${b64(salt)}$${b64(key)}`;
    },
    async verify(stored, password) {
      const match = phc.exec(stored);
      if (!match) return false;
      const [, m, t, p, salt, hash] = match as unknown as [string, string, string, string, string, string];
      const expected = Buffer.from(hash, 'base64');
      const key = await derive(password, Buffer.from(salt, 'base64'), { memoryKiB: Number(m), passes: Number(t), parallelism: Number(p) }, expected.length);
      return timingSafeEqual(key, expected);
    },
    async verifyNothing(password) {
      await derive(password, randomBytes(saltBytes), cost);
    },
    needsRehash(stored) {
      const match = phc.exec(stored);
      return !match || Number(match[1]) !== cost.memoryKiB || Number(match[2]) !== cost.passes || Number(match[3]) !== cost.parallelism;
    },
  };
}
