import { describe, expect, it } from 'vitest';
import { signGrant, verifyGrant } from './disk-url-signature.js';

const key = 'signing-key-for-tests-0123';
const now = Date.parse('2026-12-07T10:00:00Z');
const expires = now / 1000 + 60;

describe('signed disk URLs', () => {
  const put = { method: 'PUT', key: 'uploads/u1/a', expires, contentType: 'image/png', maxBytes: 1000 } as const;

  it('grants exactly what was signed, until it expires', () => {
    const query = signGrant(put, key);
    expect(verifyGrant('uploads/u1/a', query, key, now)).toEqual({ ok: true, grant: put });
    expect(verifyGrant('uploads/u1/a', query, key, expires * 1000)).toEqual({ ok: false, reason: 'signed URL expired' });
  });

  it('refuses another key, another signing key, and any changed term', () => {
    const query = signGrant(put, key);
    expect(verifyGrant('uploads/u2/a', query, key, now).ok).toBe(false);
    expect(verifyGrant('uploads/u1/a', query, 'another-signing-key-0123', now).ok).toBe(false);
    for (const [name, value] of [['X-Max-Bytes', '1000000'], ['X-Content-Type', 'text/html'], ['X-Expires', String(expires + 1)], ['X-Method', 'GET']]) {
      const changed = new URLSearchParams(query);
      changed.set(name!, value!);
      expect(verifyGrant('uploads/u1/a', changed, key, now)).toMatchObject({ ok: false });
    }
  });

  it('binds the download name of a GET URL', () => {
    const query = signGrant({ method: 'GET', key: 'e/1', expires, downloadName: 'a.pdf' }, key);
    expect(verifyGrant('e/1', query, key, now)).toMatchObject({ ok: true, grant: { downloadName: 'a.pdf' } });
    query.set('X-Download-Name', 'evil.html');
    expect(verifyGrant('e/1', query, key, now)).toEqual({ ok: false, reason: 'signature does not match' });
  });
});
