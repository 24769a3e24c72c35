import type { Timer } from './autosave';
import { TagSuggester, completeTag, tagSuggestions, typedTagAt } from './tag-suggestions';

/** A timer the test fires by hand, remembering the delay it was armed with. */
function manualTimer() {
  let pending: (() => void) | undefined;
  let delay = 0;
  const timer: Timer = { set: (cb, ms) => ((pending = cb), (delay = ms)), clear: () => (pending = undefined) };
  return { timer, fire: () => { const cb = pending; pending = undefined; cb?.(); }, get armed() { return pending !== undefined; }, get delay() { return delay; } };
}

describe('tag suggestions', () => {
  it('reads the word at the caret as a tag: no #, lower case; nothing between words', () => {
    expect(typedTagAt('sleep, #Gar', 11)).toEqual({ start: 7, end: 11, prefix: 'gar' });
    expect(typedTagAt('sleep, gar den', 9)).toEqual({ start: 7, end: 10, prefix: 'gar' });
    expect(typedTagAt('sleep, ', 7)).toBeNull();
    expect(typedTagAt('#', 1)).toBeNull();
  });

  it('offers the known tags starting with the word, not the word itself nor a tag the entry has', () => {
    const known = ['garden', 'gardening', 'gratitude', 'games'];
    const typed = typedTagAt('gardening, gar', 14);
    // the entry's tags as parsed: the typed word is one of them, and is not a reason to hide anything
    expect(tagSuggestions(known, typed, ['gardening', 'gar'])).toEqual(['garden']);
    expect(tagSuggestions(known, typedTagAt('garden', 6), ['garden'])).toEqual(['gardening']);
    expect(tagSuggestions(known, typedTagAt('g', 1), ['g'], 2)).toEqual(['garden', 'gardening']);
    expect(tagSuggestions(known, null, [])).toEqual([]);
  });

  it('completes the typed word, the caret after it ready for the next tag', () => {
    expect(completeTag('sleep, #gar', typedTagAt('sleep, #gar', 11)!, 'garden')).toEqual({ text: 'sleep, garden, ', caret: 15 });
    expect(completeTag('gar, sleep', typedTagAt('gar, sleep', 3)!, 'garden')).toEqual({ text: 'garden, sleep', caret: 6 });
    expect(completeTag('gar sleep', typedTagAt('gar sleep', 2)!, 'garden')).toEqual({ text: 'garden sleep', caret: 6 });
  });

  describe('TagSuggester', () => {
    function suggester(onEntry: string[] = [], known = ['garden', 'gardening', 'gratitude']) {
      const clock = manualTimer();
      const asked: string[] = [];
      let answer: (prefix: string) => Promise<readonly string[]> = async (prefix) => known.filter((t) => t.startsWith(prefix));
      const s = new TagSuggester((prefix) => (asked.push(prefix), answer(prefix)), () => onEntry, 150, clock.timer);
      return { s, clock, asked, answerWith: (f: typeof answer) => (answer = f) };
    }

    it('looks up once typing pauses, with the last word typed only', async () => {
      const { s, clock, asked } = suggester();
      s.typedIn('g', 1);
      s.typedIn('ga', 2);
      expect(asked).toEqual([]);
      expect(clock.delay).toBe(150);
      clock.fire();
      await vi.waitFor(() => expect(s.suggestions()).toEqual(['garden', 'gardening']));
      expect(asked).toEqual(['ga']);
    });

    it('drops an answer for a word no longer typed, and a failed look-up shows nothing', async () => {
      const { s, clock, answerWith } = suggester();
      let release!: (tags: string[]) => void;
      answerWith(() => new Promise((resolve) => (release = resolve)));
      s.typedIn('g', 1);
      clock.fire();
      s.typedIn('gr', 2); // typed on before the answer for "g" came
      release(['gratitude']);
      await Promise.resolve();
      expect(s.suggestions()).toEqual([]);

      answerWith(async () => ['gratitude']);
      clock.fire();
      await vi.waitFor(() => expect(s.suggestions()).toEqual(['gratitude']));
      answerWith(() => Promise.reject(new Error('offline')));
      s.typedIn('gra', 3);
      clock.fire();
      await vi.waitFor(() => expect(s.suggestions()).toEqual([]));
    });

    it('moves with the arrow keys, picks with Enter, closes with Escape; keys pass through when nothing is offered', async () => {
      const { s, clock } = suggester(['gar']);
      expect(s.key('Enter')).toEqual({ handled: false });
      s.typedIn('gar', 3);
      clock.fire();
      await vi.waitFor(() => expect(s.suggestions()).toEqual(['garden', 'gardening']));
      expect(s.key('Enter')).toEqual({ handled: false }); // nothing highlighted: Enter saves as before
      expect(s.key('ArrowDown')).toEqual({ handled: true });
      expect(s.key('ArrowDown')).toEqual({ handled: true });
      expect(s.active()).toBe(1);
      expect(s.key('ArrowDown')).toEqual({ handled: true });
      expect(s.active()).toBe(0); // wraps
      s.key('ArrowUp');
      expect(s.active()).toBe(1);
      expect(s.key('Enter')).toEqual({ handled: true, picked: 'gardening' });
      expect(s.key('Escape')).toEqual({ handled: true });
      expect(s.suggestions()).toEqual([]);
      expect(s.key('Escape')).toEqual({ handled: false });
      expect(clock.armed).toBe(false);
    });
  });
});
