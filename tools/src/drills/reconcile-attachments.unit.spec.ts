import { describe, expect, it } from 'vitest';
import { attachmentsClean, reconcileAttachments, type MediaRows } from './reconcile-attachments.js';

const photo = (id: string, owner = 'u1') => ({ id, objectKey: `users/${owner}/attachments/${id}`, thumbnailKey: `users/${owner}/attachments/${id}.thumb.webp` });
const voiceNote = (id: string, owner = 'u1') => ({ id, objectKey: `users/${owner}/attachments/${id}`, thumbnailKey: null });
const rows = (more: Partial<MediaRows> = {}): MediaRows => ({ attachments: [], uploadKeys: [], queuedDeletions: [], ...more });

describe('reconcileAttachments', () => {
  it('is clean when every attachment has its objects and every object its row', () => {
    const result = reconcileAttachments(
      ['users/u1/attachments/a1', 'users/u1/attachments/a1.thumb.webp', 'users/u1/attachments/a2'],
      rows({ attachments: [photo('a1'), voiceNote('a2')] }),
    );
    expect(result).toMatchObject({ objects: 3, attachments: 2, objectsWithoutRow: 0, rowsWithoutObject: 0, examples: [] });
    expect(attachmentsClean(result)).toBe(true);
  });

  it('accounts for pending uploads (sent or not), objects queued for deletion and exports, without a row of their own', () => {
    const result = reconcileAttachments(
      ['uploads/u1/p1', 'users/u1/attachments/gone', 'users/u1/exports/e1.pdf'],
      rows({ uploadKeys: ['uploads/u1/p1', 'uploads/u1/never-sent'], queuedDeletions: ['users/u1/attachments/gone', 'users/u1/attachments/already-deleted'] }),
    );
    expect(result).toMatchObject({ objectsWithoutRow: 0, rowsWithoutObject: 0, pendingUploads: 1, awaitingDeletion: 1, exports: 1 });
    expect(attachmentsClean(result)).toBe(true);
  });

  it('finds objects without their row and attachments missing their original or thumbnail', () => {
    const result = reconcileAttachments(
      ['users/u1/attachments/a1', 'users/u1/attachments/orphan', 'users/u1/attachments/orphan.thumb.webp', 'uploads/u1/attached-long-ago', 'users/u2/attachments/a3.thumb.webp'],
      rows({ attachments: [photo('a1'), voiceNote('a2'), photo('a3', 'u2')] }),
    );
    expect(result).toMatchObject({ objects: 5, attachments: 3, objectsWithoutRow: 3, rowsWithoutObject: 3 });
    expect([...result.examples].sort()).toEqual([
      'attachment a1 without its object users/u1/attachments/a1.thumb.webp',
      'attachment a2 without its object users/u1/attachments/a2',
      'attachment a3 without its object users/u2/attachments/a3',
      'object uploads/u1/attached-long-ago without its row',
      'object users/u1/attachments/orphan without its row',
      'object users/u1/attachments/orphan.thumb.webp without its row',
    ]);
    expect(attachmentsClean(result)).toBe(false);
  });

  it('does not take a key under exports/ of an attachment folder for an export', () => {
    expect(reconcileAttachments(['users/u1/attachments/exports/x'], rows()).objectsWithoutRow).toBe(1);
  });
});
