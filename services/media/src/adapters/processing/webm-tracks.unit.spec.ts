import { describe, expect, it } from 'vitest';
import { mediaFileProcessor } from './media-file-processor.js';
import { webmTracks } from './webm-tracks.js';

/** An EBML element: its id's bytes, then its size (or "unknown", as a live recording writes it), then its data. */
function el(id: number[], data: number[], unknownSize = false): number[] {
  const size = unknownSize ? [0x01, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff] : [0x80 | data.length];
  return [...id, ...size, ...data];
}

/** What a browser's MediaRecorder writes: a Segment and Clusters of unknown size, Tracks before the first Cluster. */
function recording(trackTypes: number[], docType = 'webm'): Buffer {
  const header = el([0x1a, 0x45, 0xdf, 0xa3], [...el([0x42, 0x86], [1]), ...el([0x42, 0x82], [...Buffer.from(docType)])]);
  const info = el([0x15, 0x49, 0xa9, 0x66], el([0x2a, 0xd7, 0xb1], [0x0f, 0x42, 0x40]));
  const tracks = el([0x16, 0x54, 0xae, 0x6b], trackTypes.flatMap((type, i) => el([0xae], [...el([0xd7], [i + 1]), ...el([0x83], [type]), ...el([0x86], [...Buffer.from('A_OPUS')])])));
  const cluster = el([0x1f, 0x43, 0xb6, 0x75], [...el([0xe7], [0]), 0xa3, 0x85, 0x81, 0x00, 0x00, 0x80, 0xfc], true);
  return Buffer.from([...header, ...el([0x18, 0x53, 0x80, 0x67], [...info, ...tracks, ...cluster], true)]);
}

describe('webmTracks (a live WebM recording, unknown sizes)', () => {
  it('reads the DocType and each track\'s type up to Tracks', () => {
    expect(webmTracks(recording([2]))).toEqual({ docType: 'webm', trackTypes: [2] });
    expect(webmTracks(recording([1, 2]))).toEqual({ docType: 'webm', trackTypes: [1, 2] });
  });

  it('answers null for bytes that are not EBML, or a Segment without Tracks', () => {
    expect(webmTracks(Buffer.from('just some words, not a recording'))).toBeNull();
    expect(webmTracks(recording([2]).subarray(0, 40))).toBeNull();
  });
});

describe('the media file processor and a browser\'s voice note', () => {
  it('keeps an audio-only live WebM (duration unknown) and refuses one with video', async () => {
    const processor = mediaFileProcessor();
    const kept = await processor.process(recording([2]), { kind: 'audio', contentType: 'audio/webm' });
    expect(kept).toMatchObject({ contentType: 'audio/webm', thumbnail: null });
    expect('body' in kept && kept.body.length).toBe(recording([2]).length);
    expect(await processor.process(recording([1, 2]), { kind: 'audio', contentType: 'audio/webm' }))
      .toEqual({ refused: 'the file holds video: only audio is accepted (M4A, MP3, Ogg or WebM)' });
  });
});
