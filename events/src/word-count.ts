/**
 * Words in a text: runs of non-whitespace. Exported so the command side computes `wordCount` exactly as
 * the V1 → V2 upcaster does, and old and new entries count alike.
 */
export function countWords(text: string): number {
  const trimmed = text.trim();
  return trimmed === '' ? 0 : trimmed.split(/\s+/u).length;
}
