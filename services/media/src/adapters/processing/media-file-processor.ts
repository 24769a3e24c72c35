// heic-decode ships no types; its declaration beside this file, referenced so that every program compiling this one
// (tools, deploy) has it, not only the media project's own.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- an ambient module declaration cannot be imported
/// <reference path="./heic-decode.d.ts" />
import { fileTypeFromBuffer } from 'file-type';
import decodeHeic from 'heic-decode';
import { parseBuffer } from 'music-metadata';
import sharp, { type Sharp } from 'sharp';
import type { AcceptedMedia } from '../../domain/accepted-media.js';
import type { MediaProcessor, ProcessedMedia } from '../../application/ports/media-processor.js';
import { webmTracks } from './webm-tracks.js';

/** The longest side of a thumbnail, in pixels. */
export const thumbnailSize = 320;
/** Images larger than this many pixels are refused before decoding (a decompression bomb is small on disk). */
const maxPixels = 100_000_000;

/**
 * The media processor on this machine's libraries: `file-type` reads the type from the bytes; `sharp` (libvips)
 * re-encodes images, which drops every metadata block (EXIF with GPS, XMP, IPTC, comments) since sharp keeps none
 * unless asked, applies the EXIF orientation first, and makes a WebP thumbnail; HEIC is decoded by `heic-decode`
 * (libheif with libde265, WebAssembly: sharp's own libheif has no HEVC decoder) and stored as JPEG; audio is read
 * by `music-metadata` for its duration and kept byte for byte (a browser's live WebM recording, which it cannot read,
 * by its EBML tracks instead: `webm-tracks.ts`, no duration).
 */
export function mediaFileProcessor(): MediaProcessor {
  return {
    async detectType(bytes) {
      return (await fileTypeFromBuffer(bytes))?.mime ?? null;
    },
    async process(bytes, media) {
      try {
        switch (media.kind) {
          case 'image':
            return await image(sharp(bytes, { limitInputPixels: maxPixels, failOn: 'error' }), media);
          case 'heic':
            return await heic(bytes, media);
          case 'audio':
            return await audio(bytes, media);
          case 'pdf':
            return { body: bytes, contentType: media.contentType, thumbnail: null, width: null, height: null, durationSeconds: null };
          default: {
            const unknown: never = media.kind;
            return { refused: `unsupported media ${String(unknown)}` };
          }
        }
      } catch (error) {
        return { refused: `the file could not be read as ${media.contentType}: ${(error as Error).message}` };
      }
    },
  };
}

async function image(input: Sharp, media: AcceptedMedia): Promise<ProcessedMedia> {
  const oriented = input.rotate();
  const encoded =
    media.contentType === 'image/png' ? oriented.png() : media.contentType === 'image/webp' ? oriented.webp({ quality: 85 }) : oriented.jpeg({ quality: 85, mozjpeg: true });
  const { data, info } = await encoded.toBuffer({ resolveWithObject: true });
  const thumbnail = await sharp(data).resize(thumbnailSize, thumbnailSize, { fit: 'inside', withoutEnlargement: true }).webp({ quality: 70 }).toBuffer();
  return { body: data, contentType: media.contentType, thumbnail, width: info.width, height: info.height, durationSeconds: null };
}

async function heic(bytes: Buffer, media: AcceptedMedia): Promise<ProcessedMedia> {
  const decoded = await decodeHeic({ buffer: bytes });
  if (decoded.width * decoded.height > maxPixels) throw new Error('the image has too many pixels');
  // libheif has applied the container's rotation and mirroring already; the raw pixels carry no metadata.
  const raw = sharp(Buffer.from(decoded.data.buffer, decoded.data.byteOffset, decoded.data.byteLength), {
    raw: { width: decoded.width, height: decoded.height, channels: 4 },
  });
  return image(raw.flatten({ background: '#ffffff' }), media);
}

async function audio(bytes: Buffer, media: AcceptedMedia): Promise<ProcessedMedia | { refused: string }> {
  let metadata;
  try {
    metadata = await parseBuffer(bytes, { mimeType: media.contentType, size: bytes.length }, { duration: true, skipCovers: true });
  } catch (error) {
    // a voice note recorded in the browser (MediaRecorder's live WebM): its tracks read from its EBML, no duration
    const recorded = media.contentType === 'audio/webm' ? recordedWebm(bytes, media) : null;
    if (recorded) return recorded;
    throw error;
  }
  if (metadata.format.hasVideo) return { refused: 'the file holds video: only audio is accepted (M4A, MP3, Ogg or WebM)' };
  if (metadata.format.hasAudio === false) return { refused: 'the file holds no audio' };
  const duration = metadata.format.duration;
  return {
    body: bytes,
    contentType: media.contentType,
    thumbnail: null,
    width: null,
    height: null,
    durationSeconds: duration !== undefined && Number.isFinite(duration) ? Math.round(duration * 1000) / 1000 : null,
  };
}

/** A WebM `music-metadata` could not read: accepted when its tracks are all audio (its duration is not known). */
function recordedWebm(bytes: Buffer, media: AcceptedMedia): ProcessedMedia | { refused: string } | null {
  const tracks = webmTracks(bytes);
  if (!tracks || tracks.docType !== 'webm') return null;
  if (tracks.trackTypes.includes(1)) return { refused: 'the file holds video: only audio is accepted (M4A, MP3, Ogg or WebM)' };
  if (tracks.trackTypes.length === 0 || tracks.trackTypes.some((type) => type !== 2)) return { refused: 'the file holds no audio' };
  return { body: bytes, contentType: media.contentType, thumbnail: null, width: null, height: null, durationSeconds: null };
}
