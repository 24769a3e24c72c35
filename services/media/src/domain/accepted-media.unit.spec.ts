import { describe, expect, it } from 'vitest';
import { decideMedia } from './accepted-media.js';
import { planOf, quotaRefusal } from './storage-quota.js';
import { cleanFileName } from './object-keys.js';

describe('accepted media', () => {
  it('accepts images, PDF and voice notes by the type of their bytes', () => {
    expect(decideMedia('image/heic', 'image/heic')).toEqual({ accepted: { kind: 'heic', contentType: 'image/jpeg' } });
    expect(decideMedia('audio/x-m4a', 'audio/mp4')).toEqual({ accepted: { kind: 'audio', contentType: 'audio/mp4' } });
    expect(decideMedia('video/webm', 'audio/webm')).toEqual({ accepted: { kind: 'audio', contentType: 'audio/webm' } });
    expect(decideMedia('application/pdf', 'image/png')).toEqual({ accepted: { kind: 'pdf', contentType: 'application/pdf' } });
  });

  it('refuses what the bytes say is something else, naming both', () => {
    expect(decideMedia('image/svg+xml', 'image/png')).toEqual({ refused: expect.stringMatching(/its bytes are image\/svg\+xml, though it was declared image\/png/) });
    expect(decideMedia('application/x-msdownload', 'image/jpeg')).toHaveProperty('refused');
  });
});

describe('the storage quota', () => {
  const limits = { free: 100, premium: 1000 };
  it('lets a file in while used + file fits the plan, and says how much is used when not', () => {
    expect(quotaRefusal({ usedBytes: 60, addingBytes: 40, plan: 'free', limits })).toBeNull();
    expect(quotaRefusal({ usedBytes: 60, addingBytes: 41, plan: 'free', limits })).toMatch(/storage quota exceeded: .* of the free plan's .* upgrade to premium/);
    expect(quotaRefusal({ usedBytes: 60, addingBytes: 41, plan: 'premium', limits })).toBeNull();
  });
  it('takes the plan from the caller roles', () => {
    expect(planOf(['user', 'premium'])).toBe('premium');
    expect(planOf(['user'])).toBe('free');
  });
});

describe('file names', () => {
  it('keeps the last path segment, and refuses control characters, quotes, empty and overlong names', () => {
    expect(cleanFileName('../../etc/passwd')).toBe('passwd');
    expect(cleanFileName('C:\\photos\\ day.jpg ')).toBe('day.jpg');
    expect(cleanFileName('day\u0000.jpg')).toBeNull();
    expect(cleanFileName('"day".jpg')).toBeNull();
    expect(cleanFileName('x'.repeat(256))).toBeNull();
    expect(cleanFileName('..')).toBeNull();
    expect(cleanFileName('   ')).toBeNull();
  });
});
