import { computed, signal } from '@angular/core';
import type { Timer } from './autosave';

/** The word of the tag box the caret is in: where it starts and ends, and the tag it would be (no `#`, lower case). */
export interface TypedTag {
  readonly start: number;
  readonly end: number;
  readonly prefix: string;
}

const separator = /[,\s]/;

/** The tag word at the caret ("sleep, #Gar|" → `gar`), null when the caret is between words. */
export function typedTagAt(text: string, caret: number): TypedTag | null {
  let start = Math.min(Math.max(caret, 0), text.length);
  let end = start;
  while (start > 0 && !separator.test(text[start - 1]!)) start--;
  while (end < text.length && !separator.test(text[end]!)) end++;
  const prefix = text.slice(start, end).replace(/^#+/, '').toLowerCase();
  return prefix ? { start, end, prefix } : null;
}

/**
 * What to offer for the typed word: the user's tags that start with it (most used first, as the server lists
 * them), not the word itself and not a tag the entry already has, at most `max`.
 */
export function tagSuggestions(known: readonly string[], typed: TypedTag | null, onEntry: readonly string[], max = 8): string[] {
  if (!typed) return [];
  const taken = new Set(onEntry.filter((tag) => tag !== typed.prefix)); // the typed word is parsed as a tag too
  return known.filter((tag) => tag.startsWith(typed.prefix) && tag !== typed.prefix && !taken.has(tag)).slice(0, max);
}

/** The tag box with the typed word replaced by `tag`, and where the caret goes (after it, ready for the next one). */
export function completeTag(text: string, typed: TypedTag, tag: string): { text: string; caret: number } {
  const before = text.slice(0, typed.start);
  const after = text.slice(typed.end);
  const glue = after === '' ? ', ' : separator.test(after[0]!) ? '' : ', ';
  const caret = before.length + tag.length + (after === '' ? glue.length : 0);
  return { text: before + tag + glue + after, caret };
}

const realTimer: Timer = { set: (cb, ms) => setTimeout(cb, ms), clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>) };

/**
 * Suggestions for the tag box: the user's tags matching the word being typed, looked up `delayMs` after the
 * last keystroke (an answer for an older word is dropped), minus the tags the entry has. Arrow keys move the
 * highlight, Enter picks it, Escape closes the list. A failed look-up only shows nothing: it is a nicety.
 */
export class TagSuggester {
  /** The word at the caret. */
  readonly typed = signal<TypedTag | null>(null);
  /** The index of the highlighted suggestion, -1 for none. */
  readonly active = signal(-1);
  private readonly found = signal<readonly string[]>([]);
  private readonly open = signal(false);
  readonly suggestions = computed(() => (this.open() ? tagSuggestions(this.found(), this.typed(), this.onEntry()) : []));
  private pending: unknown;
  private asked = 0;

  constructor(
    private readonly lookUp: (prefix: string) => Promise<readonly string[]>,
    private readonly onEntry: () => readonly string[],
    private readonly delayMs = 150,
    private readonly clock: Timer = realTimer,
  ) {}

  /** The tag box changed: look up the word at the caret once typing pauses. */
  typedIn(text: string, caret: number): void {
    const typed = typedTagAt(text, caret);
    this.typed.set(typed);
    this.active.set(-1);
    this.clock.clear(this.pending);
    const asked = ++this.asked;
    if (!typed) {
      this.close();
      return;
    }
    this.open.set(true);
    this.pending = this.clock.set(() => {
      this.lookUp(typed.prefix).then(
        (tags) => asked === this.asked && this.found.set(tags),
        () => asked === this.asked && this.found.set([]),
      );
    }, this.delayMs);
  }

  /** A key pressed in the tag box. `handled`: the list used it (its default action must not run); `picked`: Enter chose that tag. */
  key(key: string): { handled: boolean; picked?: string } {
    const count = this.suggestions().length;
    if (count === 0) return { handled: false };
    if (key === 'ArrowDown' || key === 'ArrowUp') {
      const step = key === 'ArrowDown' ? 1 : -1;
      this.active.set((this.active() + step + count + (this.active() < 0 && step < 0 ? 1 : 0)) % count);
      return { handled: true };
    }
    if (key === 'Escape') {
      this.close();
      return { handled: true };
    }
    const picked = this.suggestions()[this.active()];
    if (key === 'Enter' && picked !== undefined) return { handled: true, picked };
    return { handled: false };
  }

  close(): void {
    this.clock.clear(this.pending);
    this.asked++;
    this.open.set(false);
    this.found.set([]);
    this.active.set(-1);
  }
}
