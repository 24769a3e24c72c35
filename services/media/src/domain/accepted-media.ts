// Which files an attachment may be, decided from the type read from the bytes (never the name or the client's
// claim): API.md "Attachments and export". Images become a browser-safe image with a thumbnail, audio keeps its
// bytes and gains a duration, PDF is stored as it is.

export type MediaKind = 'image' | 'heic' | 'audio' | 'pdf';

export interface AcceptedMedia {
  readonly kind: MediaKind;
  /** The type the stored object is served with. */
  readonly contentType: string;
}

export type MediaDecision = { readonly accepted: AcceptedMedia } | { readonly refused: string };

const byDetectedType: Readonly<Record<string, AcceptedMedia>> = {
  'image/jpeg': { kind: 'image', contentType: 'image/jpeg' },
  'image/png': { kind: 'image', contentType: 'image/png' },
  'image/webp': { kind: 'image', contentType: 'image/webp' },
  // What phones take: converted to JPEG for the browser (the stored type is the converted one's).
  'image/heic': { kind: 'heic', contentType: 'image/jpeg' },
  'image/heif': { kind: 'heic', contentType: 'image/jpeg' },
  'application/pdf': { kind: 'pdf', contentType: 'application/pdf' },
  'audio/mpeg': { kind: 'audio', contentType: 'audio/mpeg' },
  'audio/mp4': { kind: 'audio', contentType: 'audio/mp4' },
  'audio/x-m4a': { kind: 'audio', contentType: 'audio/mp4' },
  'audio/m4a': { kind: 'audio', contentType: 'audio/mp4' },
  'audio/ogg': { kind: 'audio', contentType: 'audio/ogg' },
  'audio/opus': { kind: 'audio', contentType: 'audio/ogg' },
  'audio/webm': { kind: 'audio', contentType: 'audio/webm' },
  // A browser's MediaRecorder writes WebM; the container alone does not say audio-only: the audio reader checks.
  'video/webm': { kind: 'audio', contentType: 'audio/webm' },
};

export const acceptedTypesMessage = 'JPEG, PNG, WebP or HEIC images, PDF, or M4A, MP3, Ogg or WebM audio';

/**
 * The decision for a file whose bytes say `detectedType` (null: the bytes match no known binary format, as a
 * script, an HTML page or plain text do). The declared type is only named in the message: it decides nothing.
 */
export function decideMedia(detectedType: string | null, declaredType: string): MediaDecision {
  const base = detectedType?.split(';')[0]?.trim().toLowerCase() ?? null;
  const accepted = base ? byDetectedType[base] : undefined;
  if (accepted) return { accepted };
  const what = base ? `its bytes are ${base}` : 'its bytes are not a known binary format (text, HTML or a script?)';
  return { refused: `the file is not an accepted type (${acceptedTypesMessage}): ${what}, though it was declared ${declaredType}` };
}
