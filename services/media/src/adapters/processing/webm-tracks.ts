// The track types of a WebM file, read from its EBML structure: what `music-metadata` cannot tell for a file a
// browser's MediaRecorder wrote while recording live (its Segment and Clusters have "unknown" sizes, which its
// Matroska reader refuses: "ignore length must be a non-negative safe integer"). Only the header and the Segment's
// elements up to Tracks are read; Tracks comes before the first Cluster in what MediaRecorder writes.

const ids = { ebml: 0x1a45dfa3, docType: 0x4282, segment: 0x18538067, tracks: 0x1654ae6b, trackEntry: 0xae, trackType: 0x83, cluster: 0x1f43b675 } as const;

/** Matroska TrackType: 1 video, 2 audio (others: complex, logo, subtitle, buttons, control, metadata). */
export type WebmTracks = { readonly docType: string; readonly trackTypes: readonly number[] };

interface Element { readonly id: number; readonly start: number; readonly end: number }

/** The file's DocType and the type of each of its tracks, or null when its bytes are not WebM/Matroska as far as read. */
export function webmTracks(bytes: Uint8Array): WebmTracks | null {
  const header = element(bytes, 0, bytes.length);
  if (!header || header.id !== ids.ebml) return null;
  const docType = children(bytes, header).find((e) => e.id === ids.docType);
  const segment = element(bytes, header.end, bytes.length);
  if (!docType || !segment || segment.id !== ids.segment) return null;
  for (const child of children(bytes, segment)) {
    if (child.id === ids.cluster) return null; // media before any Tracks: nothing says what it holds
    if (child.id !== ids.tracks) continue;
    const trackTypes = children(bytes, child)
      .filter((e) => e.id === ids.trackEntry)
      .map((entry) => children(bytes, entry).find((e) => e.id === ids.trackType))
      .map((type) => (type ? unsigned(bytes, type) : 0));
    return { docType: new TextDecoder().decode(bytes.subarray(docType.start, docType.end)).replace(/\0+$/, ''), trackTypes };
  }
  return null;
}

function children(bytes: Uint8Array, parent: Element): Element[] {
  const found: Element[] = [];
  for (let at = parent.start; at < parent.end;) {
    const child = element(bytes, at, parent.end);
    if (!child) break;
    found.push(child);
    at = child.end;
  }
  return found;
}

/** The element at `at`: its id, where its data starts and ends (an unknown size runs to the end of its parent). */
function element(bytes: Uint8Array, at: number, limit: number): Element | null {
  const id = vint(bytes, at, true);
  if (!id) return null;
  const size = vint(bytes, at + id.length, false);
  if (!size) return null;
  const start = at + id.length + size.length;
  const end = size.unknown ? limit : start + size.value;
  return start <= limit && end <= limit ? { id: id.value, start, end } : null;
}

/** An EBML variable-length integer: ids keep their length marker, sizes do not (all ones: unknown size). */
function vint(bytes: Uint8Array, at: number, keepMarker: boolean): { value: number; length: number; unknown: boolean } | null {
  const first = bytes[at];
  if (first === undefined || first === 0) return null;
  const length = Math.clz32(first) - 23; // 1 for 0b1xxxxxxx … 8 for 0b00000001
  if (at + length > bytes.length || (keepMarker && length > 4)) return null;
  let value = keepMarker ? first : first & (0xff >> length);
  let allOnes = value === 0xff >> length;
  for (let i = 1; i < length; i++) {
    value = value * 256 + bytes[at + i]!;
    allOnes &&= bytes[at + i] === 0xff;
  }
  return { value, length, unknown: !keepMarker && allOnes };
}

function unsigned(bytes: Uint8Array, e: Element): number {
  let value = 0;
  for (let i = e.start; i < e.end; i++) value = value * 256 + bytes[i]!;
  return value;
}
