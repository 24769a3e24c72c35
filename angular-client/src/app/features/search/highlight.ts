import { markdownToText } from '../../shared/markdown/markdown-text';

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

/** Stand-ins for the match markers while the Markdown is read (private-use characters: never typed, never syntax). */
const open = '\uE000';
const close = '\uE001';

/**
 * A highlight of an entry's text, which is Markdown: read as the plain text a reader sees (`**bold**` → `bold`,
 * `# heading` → `heading`, markdownToText), with the matches still marked.
 */
export function markdownHighlightSegments(highlight: string): Segment[] {
  const text = markdownToText(highlight.replace(/<(em|mark)>([\s\S]*?)<\/\1>/g, (_, _tag, inner: string) => `${open}${inner}${close}`));
  const segments: Segment[] = [];
  let marked = false;
  let current = '';
  const push = () => {
    if (current) segments.push({ text: current, marked });
    current = '';
  };
  for (const char of text) {
    if (char === open || char === close) {
      push();
      marked = char === open;
    } else current += char;
  }
  push();
  return segments;
}
