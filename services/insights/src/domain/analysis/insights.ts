/** What an analysis of one entry says; the same shape whoever produced it (Claude or the local analyzer). */
export interface Analysis {
  /** −1 (very negative) … 1 (very positive); 0, and meaningless, when not `analysed`. */
  readonly sentiment: number;
  /** False when the analyzer could not read the text (the local one reads English only): no sentiment to average. */
  readonly analysed: boolean;
  readonly themes: readonly string[];
  readonly summary: string;
  readonly suggestions: readonly string[];
}

/** The entry as an analyzer may see it: its own words and nothing else (the prompt is built from this only). */
export interface EntryText {
  readonly title: string | null;
  readonly content: string;
}

/** Keeps a score inside −1…1 with three decimals, so equal inputs give byte-equal results. */
export function clampSentiment(value: number): number {
  if (!Number.isFinite(value)) return 0;
  return Math.round(Math.max(-1, Math.min(1, value)) * 1000) / 1000;
}
