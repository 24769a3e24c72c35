/**
 * For unit specs only (jsdom): jsdom lays nothing out and has no Range.getClientRects/getBoundingClientRect, which
 * CodeMirror calls when it measures (to draw the selection). Empty answers, as for text not on screen; without them
 * each measure logs a TypeError. A real browser (the walk-through) has both.
 */
export function giveRangesEmptyRects(): void {
  const proto = Range.prototype as Partial<Pick<Range, 'getClientRects' | 'getBoundingClientRect'>>;
  proto.getClientRects ??= () => Object.assign([], { item: () => null }) as unknown as DOMRectList;
  proto.getBoundingClientRect ??= () => new DOMRect(0, 0, 0, 0);
}
