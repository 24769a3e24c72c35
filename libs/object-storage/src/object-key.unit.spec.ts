import { describe, expect, it } from 'vitest';
import { objectKeyProblem } from './object-key.js';

describe('object keys', () => {
  it('accepts the keys the services make', () => {
    for (const key of ['uploads/u1/3f2a', 'attachments/a1/thumbnail.webp', 'exports/u1/Journal – été.zip', 'a']) {
      expect(objectKeyProblem(key)).toBeUndefined();
    }
  });

  it('refuses keys that could leave the store folder or that no file system holds', () => {
    for (const key of ['', '/etc/passwd', '../x', 'a/../../x', 'a/./b', 'a//b', 'a/', 'a\\..\\b', 'a\u0000b', 'x'.repeat(1025), `${'y'.repeat(256)}/z`]) {
      expect(objectKeyProblem(key)).toBeDefined();
    }
  });
});
