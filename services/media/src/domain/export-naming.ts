// Names inside and of an export: readable, portable on every file system (ASCII, no separators, bounded), and
// unique without remembering earlier names (the entry's short id ends each entry's name).

/** `Morning pages, été!` → `morning-pages-ete`; empty → `untitled`. */
export function slug(text: string, maxLength = 60): string {
  const cleaned = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, maxLength)
    .replace(/-+$/, '');
  return cleaned || 'untitled';
}

/** An entry's base name: `2026-12-07-morning-pages-1a2b3c4d` (its creation day, its title, its id's start). */
export function entryBaseName(entry: { id: string; title: string; createdAt: string }): string {
  return `${entry.createdAt.slice(0, 10)}-${slug(entry.title)}-${entry.id.replace(/-/g, '').slice(0, 8)}`;
}

/** An attachment's name beside its entry: its position, then its own name made safe (`01-photo.jpg`). */
export function attachmentFileName(index: number, fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  const extension = dot > 0 ? slug(fileName.slice(dot + 1), 10) : '';
  const stem = slug(dot > 0 ? fileName.slice(0, dot) : fileName, 60);
  return `${String(index + 1).padStart(2, '0')}-${stem}${extension && extension !== 'untitled' ? `.${extension}` : ''}`;
}

/** The export's download name: `<journal>-<day>.<extension>`. */
export function exportFileName(journalName: string, exportedAt: string, extension: string): string {
  return `${slug(journalName)}-${exportedAt.slice(0, 10)}.${extension}`;
}

/** Where an export is stored: under its owner's prefix (erasing a user's objects is one prefix), by a service id. */
export const exportKey = (ownerId: string, exportId: string, extension: string) => `users/${ownerId}/exports/${exportId}.${extension}`;
