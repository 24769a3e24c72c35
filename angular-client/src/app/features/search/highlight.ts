export interface Segment {
  readonly text: string;
  readonly marked: boolean;
}

/**
 * A search highlight ("a <em>quiet</em> morning") as text segments, the matched ones marked. Only the
 * `<em>`/`<mark>` markers are understood; everything else stays literal text, so a highlight can never inject HTML.
 */
export function highlightSegments(highlight: string): Segment[] {
  const segments: Segment[] = [];
  const pattern = /<(em|mark)>([\s\S]*?)<\/\1>/g;
  let last = 0;
  for (const match of highlight.matchAll(pattern)) {
    if (match.index > last) segments.push({ text: highlight.slice(last, match.index), marked: false });
    segments.push({ text: match[2]!, marked: true });
    last = match.index + match[0].length;
  }
  if (last < highlight.length) segments.push({ text: highlight.slice(last), marked: false });
  return segments;
}
