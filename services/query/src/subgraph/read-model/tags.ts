import { badUserInput } from '../errors.js';

/** A tag as the command side stores it (trimmed, lower case, no leading `#`), so `#Garden` finds `garden`. */
export function normalizedTag(tag: string): string {
  const normalized = tag.trim().replace(/^#/, '').toLowerCase();
  if (normalized.length === 0 || normalized.length > 50) throw badUserInput('tag must have 1 to 50 characters', 'tag');
  return normalized;
}
