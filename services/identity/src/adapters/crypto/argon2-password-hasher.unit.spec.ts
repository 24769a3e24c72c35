import { describe, expect, it } from 'vitest';
import { argon2PasswordHasher } from './argon2-password-hasher.js';

// A small cost keeps the test fast; the format and the checks are the same at any cost.
const cheap = { memoryKiB: 64, passes: 1, parallelism: 1 };
const hasher = argon2PasswordHasher(cheap);

describe('argon2id password hashing', () => {
  it('writes a PHC string with its parameters and a fresh salt each time', async () => {
    const [a, b] = await Promise.all([hasher.hash('correct horse'), hasher.hash('correct horse')]);
    expect(a).toMatch(/^\$argon2id\$v=19\$m=64,t=1,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    expect(a).not.toBe(b);
  });

  it('verifies the right password only', async () => {
    const stored = await hasher.hash('correct horse');
    expect(await hasher.verify(stored, 'correct horse')).toBe(true);
    expect(await hasher.verify(stored, 'correct horsE')).toBe(false);
  });

  it('verifies with the parameters stored in the hash, whatever the current cost', async () => {
    const stored = await argon2PasswordHasher({ ...cheap, memoryKiB: 128 }).hash('correct horse');
    expect(await hasher.verify(stored, 'correct horse')).toBe(true);
    expect(hasher.needsRehash(stored)).toBe(true);
    expect(hasher.needsRehash(await hasher.hash('x'))).toBe(false);
  });

  it('matches nothing that is not an argon2id PHC string', async () => {
    for (const stored of ['', 'plain', '$argon2i$v=19$m=64,t=1,p=1$c2FsdHNhbHRzYWx0$aGFzaA', '$2b$10$abcdefghijklmnopqrstuv']) {
      expect(await hasher.verify(stored, 'plain')).toBe(false);
    }
  });

  it('spends a hash on an unknown account without matching anything', async () => {
    await expect(hasher.verifyNothing('anything')).resolves.toBeUndefined();
  });
});
