import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { decideMedia, type AcceptedMedia } from '../../domain/accepted-media.js';
import { htmlPosingAsImage, photoWithGps, png, scriptPosingAsImage, silentMp3 } from '../../test/sample-files.js';
import { mediaFileProcessor, thumbnailSize } from './media-file-processor.js';

const processor = mediaFileProcessor();

async function accepted(bytes: Buffer, declared: string): Promise<AcceptedMedia> {
  const decision = decideMedia(await processor.detectType(bytes), declared);
  if ('refused' in decision) throw new Error(decision.refused);
  return decision.accepted;
}

describe('the media file processor (sharp, file-type, music-metadata)', () => {
  it('strips EXIF (GPS, camera) from a photo, applies its orientation and makes a WebP thumbnail', async () => {
    const original = await photoWithGps();
    const before = await sharp(original).metadata();
    expect(before.exif?.length).toBeGreaterThan(0);
    expect(before.orientation).toBe(6);
    expect(original.includes(Buffer.from('SpyCam'))).toBe(true);

    const result = await processor.process(original, await accepted(original, 'image/jpeg'));
    if ('refused' in result) throw new Error(result.refused);
    const after = await sharp(result.body).metadata();
    expect(after.exif).toBeUndefined();
    expect(after.xmp).toBeUndefined();
    expect(after.orientation).toBeUndefined();
    expect(result.body.includes(Buffer.from('SpyCam'))).toBe(false);
    // Rotated 90°: 64×32 becomes 32×64.
    expect([result.width, result.height, after.width, after.height]).toEqual([32, 64, 32, 64]);
    expect(result.contentType).toBe('image/jpeg');
    const thumb = await sharp(result.thumbnail!).metadata();
    expect(thumb.format).toBe('webp');
    expect([thumb.width, thumb.height]).toEqual([32, 64]);
  });

  it('bounds the thumbnail to 320 pixels on its longer side and keeps PNG as PNG', async () => {
    const original = await png(800, 600);
    const result = await processor.process(original, await accepted(original, 'image/png'));
    if ('refused' in result) throw new Error(result.refused);
    expect([result.contentType, result.width, result.height]).toEqual(['image/png', 800, 600]);
    const thumb = await sharp(result.thumbnail!).metadata();
    expect([thumb.width, thumb.height]).toEqual([thumbnailSize, 240]);
  });

  it('reads the type from the bytes: HTML or a script declared as an image is refused, whatever its name', async () => {
    for (const [bytes, declared] of [[htmlPosingAsImage, 'image/jpeg'], [scriptPosingAsImage, 'image/png']] as const) {
      const detected = await processor.detectType(bytes);
      expect(detected).toBeNull();
      const decision = decideMedia(detected, declared);
      expect('refused' in decision && decision.refused).toMatch(/not an accepted type.*not a known binary format.*declared image/);
    }
  });

  it('keeps audio as it is and records its duration', async () => {
    const mp3 = silentMp3(3);
    const media = await accepted(mp3, 'audio/mpeg');
    expect(media).toEqual({ kind: 'audio', contentType: 'audio/mpeg' });
    const result = await processor.process(mp3, media);
    if ('refused' in result) throw new Error(result.refused);
    expect(result.body.equals(mp3)).toBe(true);
    expect(result.durationSeconds).toBeCloseTo(3, 1);
    expect([result.thumbnail, result.width, result.height]).toEqual([null, null, null]);
  });

  it('refuses an image whose bytes do not decode', async () => {
    const broken = Buffer.concat([(await photoWithGps()).subarray(0, 200)]);
    const result = await processor.process(broken, { kind: 'image', contentType: 'image/jpeg' });
    expect('refused' in result && result.refused).toMatch(/could not be read as image\/jpeg/);
  });
});
