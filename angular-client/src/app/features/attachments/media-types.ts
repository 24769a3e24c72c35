// What the server accepts (API.md "Attachments and export"; services/media accepted-media.ts decides from the bytes):
// checked here too so a file it would refuse is named at once, before anything is sent.

/** The types a file may be declared as, by its name's extension when the browser does not say (HEIC, M4A often). */
const byExtension: Readonly<Record<string, string>> = {
  jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp', heic: 'image/heic', heif: 'image/heif',
  pdf: 'application/pdf', mp3: 'audio/mpeg', m4a: 'audio/mp4', mp4a: 'audio/mp4', ogg: 'audio/ogg', oga: 'audio/ogg',
  opus: 'audio/ogg', webm: 'audio/webm', weba: 'audio/webm',
};

const accepted = new Set([...Object.values(byExtension), 'audio/x-m4a', 'audio/m4a', 'audio/opus', 'video/webm']);

export const acceptedDescription = 'JPEG, PNG, WebP or HEIC images, PDF, or M4A, MP3, Ogg or WebM audio';

/** The file picker's filter. */
export const acceptAttribute = [...accepted, ...Object.keys(byExtension).map((e) => `.${e}`)].join(',');

/**
 * The type to declare for a file (without parameters: `audio/webm;codecs=opus` is signed as `audio/webm`), or null
 * when it is not one the server accepts.
 */
export function declaredType(file: { readonly name: string; readonly type: string }): string | null {
  const given = file.type.split(';')[0]!.trim().toLowerCase();
  if (accepted.has(given)) return given;
  if (given && given !== 'application/octet-stream') return null;
  const extension = /\.([a-z0-9]+)$/i.exec(file.name)?.[1]?.toLowerCase();
  return extension ? (byExtension[extension] ?? null) : null;
}

export type AttachmentKind = 'image' | 'audio' | 'pdf' | 'other';

/** How an attachment is shown (its stored type is the one read from its bytes). */
export function kindOf(contentType: string): AttachmentKind {
  if (contentType.startsWith('image/')) return 'image';
  if (contentType.startsWith('audio/')) return 'audio';
  return contentType === 'application/pdf' ? 'pdf' : 'other';
}

/** A size as people read it: 812 B, 14 KB, 3.2 MB (decimal, as file managers show it). */
export function readableSize(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1_000_000) return `${Math.round(bytes / 1000)} KB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}
