import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPublicKey, loadSigningKeys } from './keys.js';

describe('dev key pair', () => {
  it('is generated once and reused, even by processes starting together', async () => {
    const dir = join(await mkdtemp(join(tmpdir(), 'mindflow-keys-')), 'dev-keys');
    const loaded = await Promise.all([1, 2, 3, 4].map(() => loadSigningKeys({}, dir)));
    expect(new Set(loaded.map((k) => k.kid)).size).toBe(1);
    const again = await loadSigningKeys({}, dir);
    expect(again.kid).toBe(loaded[0]?.kid);
    const publicKey = await loadPublicKey({}, dir);
    expect(publicKey.type).toBe('public');
  });
});
