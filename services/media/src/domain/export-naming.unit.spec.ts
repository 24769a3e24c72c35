import { describe, expect, it } from 'vitest';
import { attachmentFileName, entryBaseName, exportFileName, exportKey, slug } from './export-naming.js';

describe('names in an export', () => {
  it('are portable: ASCII, lower case, no separators, bounded', () => {
    expect(slug('Morning pages, été!')).toBe('morning-pages-ete');
    expect(slug('../../etc/passwd')).toBe('etc-passwd');
    expect(slug('日記')).toBe('untitled');
    expect(slug('a'.repeat(100))).toHaveLength(60);
  });

  it('name an entry by its day, title and id, so two entries never share a name', () => {
    const entry = { id: '1a2b3c4d-0000-4000-8000-000000000000', title: 'Walk', createdAt: '2026-12-07T08:00:00.000Z' };
    expect(entryBaseName(entry)).toBe('2026-12-07-walk-1a2b3c4d');
    expect(entryBaseName({ ...entry, id: '9f9f9f9f-0000-4000-8000-000000000000' })).not.toBe(entryBaseName(entry));
  });

  it('number attachments and keep a safe extension', () => {
    expect(attachmentFileName(0, 'IMG 2041.HEIC')).toBe('01-img-2041.heic');
    expect(attachmentFileName(11, 'voice')).toBe('12-voice');
    expect(attachmentFileName(1, '.bashrc')).toBe('02-bashrc');
  });

  it('name the export and its object', () => {
    expect(exportFileName('Summer notebook', '2026-12-07T10:00:00.000Z', 'pdf')).toBe('summer-notebook-2026-12-07.pdf');
    expect(exportKey('u1', 'e1', 'zip')).toBe('users/u1/exports/e1.zip');
  });
});
