import { badInput, isDomainError, type DomainError } from '../shared/domain-error.js';
import { validTags } from '../shared/tag-rules.js';
import { optionalText } from '../shared/text-rules.js';
import type { EntryContent } from './entry-events.js';
import { entryLimits, moods, type Mood } from './entry.js';
import type { EntryFields } from './entry-commands.js';
import { countWords } from '@mindflow/events';

/** Checks and normalizes what the writer gave; the first refused field is reported. */
export function validEntryContent(fields: EntryFields): EntryContent | DomainError {
  const title = optionalText('title', fields.title, entryLimits.title);
  if (isDomainError(title)) return title;
  // Content is kept exactly as written (whitespace is the writer's); only its size is bounded.
  if (fields.content.trim().length === 0) return badInput('content', 'content must not be empty');
  if (fields.content.length > entryLimits.content) {
    return badInput('content', `content must be at most ${entryLimits.content} characters`);
  }
  const mood = validMood(fields.mood);
  if (isDomainError(mood)) return mood;
  const tags = validTags(fields.tags ?? []);
  if (isDomainError(tags)) return tags;
  const weather = optionalText('weather', fields.weather, entryLimits.weather);
  if (isDomainError(weather)) return weather;
  const location = optionalText('location', fields.location, entryLimits.location);
  if (isDomainError(location)) return location;
  return { title, content: fields.content, mood, tags, weather, location, wordCount: countWords(fields.content) };
}

function validMood(mood: string | null | undefined): Mood | null | DomainError {
  if (mood === undefined || mood === null || mood === '') return null;
  return (moods as readonly string[]).includes(mood) ? (mood as Mood) : badInput('mood', `mood must be one of ${moods.join(', ')}`);
}
