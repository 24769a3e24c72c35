import { badInput, type DomainError } from './domain-error.js';

/** How many tags an entry or a thought may carry, and how long one may be (the write DB repeats both). */
export const tagLimits = { tags: 20, tag: 50 } as const;

/** Tags are a set: trimmed, lower-cased, a leading `#` dropped, duplicates removed in first-seen order. */
export function validTags(tags: readonly string[]): string[] | DomainError {
  const normalized = [...new Set(tags.map(normalizeTag))];
  if (normalized.length > tagLimits.tags) return badInput('tags', `at most ${tagLimits.tags} tags`);
  if (normalized.some((tag) => tag.length === 0 || tag.length > tagLimits.tag)) {
    return badInput('tags', `each tag must have 1 to ${tagLimits.tag} characters`);
  }
  return normalized;
}

export const normalizeTag = (tag: string) => tag.trim().replace(/^#/, '').toLowerCase();
