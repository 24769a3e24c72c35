import type { AcceptedMedia } from '../../domain/accepted-media.js';

/** The stored form of an accepted upload. */
export interface ProcessedMedia {
  readonly body: Buffer;
  readonly contentType: string;
  /** A small WebP for images; null for audio and PDF. */
  readonly thumbnail: Buffer | null;
  readonly width: number | null;
  readonly height: number | null;
  readonly durationSeconds: number | null;
}

/** Reads uploaded bytes: what they are, and their stored form (metadata stripped, orientation applied …). */
export interface MediaProcessor {
  /** The type the bytes themselves say (magic numbers), or null when they match no known binary format. */
  detectType(bytes: Buffer): Promise<string | null>;
  /** The stored form, or a refusal the caller can read (an undecodable image, a WebM with video …). */
  process(bytes: Buffer, media: AcceptedMedia): Promise<ProcessedMedia | { readonly refused: string }>;
}
