import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { Gql } from '../../core/gql';
import type { ApiError } from '../../core/graphql-errors';
import { RemoteEntries } from '../../core/remote-entries';
import { SessionStore } from '../../core/session-store';
import {
  CreateEntryDocument, EntryDocument, TagSuggestionsDocument, UpdateEntryDocument, type EntryFieldsFragment, type Mood,
} from '../../graphql/generated';
import { EditorView } from '@codemirror/view';
import { giveRangesEmptyRects } from '../../shared/markdown/jsdom-layout';
import { EntryEditor } from './entry-editor';

giveRangesEmptyRects();

const entry = (version: number, content: string, title = 'Harbour'): EntryFieldsFragment => ({
  id: 'e1', title, content, mood: 'CALM', tags: ['sea'], wordCount: content.split(' ').length, version,
  createdAt: '2026-11-01T07:00:00Z', updatedAt: '2026-11-01T07:00:00Z', journal: { id: 'j1', name: 'Morning pages' },
});

interface EntryInput { content: string; title: string | null; mood: Mood | null; tags: string[] }

/**
 * The server as the editor sees it: entries by version, CONFLICT on a stale expectedVersion, BAD_USER_INPUT for a
 * title over `titleLimit` (set lower than the client's own check, as a server with a stricter rule would be),
 * NETWORK while `offline`, and a load that waits for `loadGate` when set (a slow network). A createEntry with an
 * idempotency key used before answers with the entry created then, whatever was sent (as the command service
 * does); `loseAnswer` makes the next mutation reach the server and its answer get lost on the way back.
 */
class FakeGql {
  server = entry(1, 'At dawn.');
  updates: { expectedVersion: number; content: string }[] = [];
  creates: { journalId: string; content: string; idempotencyKey: string; createdAt?: string }[] = [];
  /** the createdAt of each update sent (undefined: it kept the date) */
  dated: (string | undefined)[] = [];
  /** every mutation sent, refused or not */
  sent = 0;
  titleLimit = 200;
  offline = false;
  loadGate: Promise<void> | undefined;
  loseAnswer = false;
  /** the entries created, by their idempotency key */
  readonly byKey = new Map<string, EntryFieldsFragment>();
  private nextId = 2;
  /** the user's tags (`Query.tags`), most used first */
  tags = ['sea', 'garden', 'gardening', 'gratitude'];
  tagPrefixes: string[] = [];
  async query(document: unknown, variables?: { prefix?: string }) {
    if (document === TagSuggestionsDocument) {
      const prefix = variables?.prefix ?? '';
      this.tagPrefixes.push(prefix);
      return { tags: this.tags.filter((tag) => tag.startsWith(prefix)).map((tag) => ({ tag, count: 1 })) };
    }
    if (document !== EntryDocument) throw new Error('unexpected query');
    await this.loadGate;
    if (this.offline) throw { code: 'NETWORK', message: 'You are offline.' } satisfies ApiError;
    return { entry: this.server };
  }
  async mutate(document: unknown, variables: { expectedVersion: number; idempotencyKey: string; input: EntryInput & { journalId?: string; createdAt?: string } }) {
    this.sent++;
    if (this.offline) throw { code: 'NETWORK', message: 'You are offline.' } satisfies ApiError;
    const title = variables.input.title ?? '';
    if (title.length > this.titleLimit) {
      throw { code: 'BAD_USER_INPUT', message: `title must be at most ${this.titleLimit} characters`, field: 'title' } satisfies ApiError;
    }
    if (document === CreateEntryDocument) {
      const { journalId, content, mood, tags } = variables.input;
      this.creates.push({ journalId: journalId!, content, idempotencyKey: variables.idempotencyKey, ...(variables.input.createdAt ? { createdAt: variables.input.createdAt } : {}) });
      let created = this.byKey.get(variables.idempotencyKey);
      if (!created) {
        created = { ...entry(1, content, title), id: `e${this.nextId++}`, title: variables.input.title, mood, tags,
          ...(variables.input.createdAt ? { createdAt: variables.input.createdAt } : {}) };
        this.byKey.set(variables.idempotencyKey, created);
        this.server = created;
      }
      return this.answer({ createEntry: { entry: created, consistencyToken: 't' } });
    }
    if (document !== UpdateEntryDocument) throw new Error('unexpected mutation');
    this.updates.push({ expectedVersion: variables.expectedVersion, content: variables.input.content });
    if (variables.expectedVersion !== this.server.version) {
      throw { code: 'CONFLICT', message: 'stale', currentVersion: this.server.version } satisfies ApiError;
    }
    this.dated.push(variables.input.createdAt);
    // what was sent, and only that (a redating sends its date alone)
    const sent = Object.fromEntries(Object.entries(variables.input).filter(([, value]) => value !== undefined));
    this.server = { ...this.server, ...sent, version: this.server.version + 1 };
    return this.answer({ updateEntry: { entry: this.server, consistencyToken: 't' } });
  }
  private answer<T>(result: T): T {
    if (!this.loseAnswer) return result;
    this.loseAnswer = false;
    throw { code: 'NETWORK', message: 'The connection was lost.' } satisfies ApiError;
  }
  watch() {
    return { data: signal(undefined), loading: signal(false), error: signal(undefined), refetch: async () => undefined };
  }
}

function setUp(gql = new FakeGql()) {
  TestBed.configureTestingModule({
    providers: [
      provideRouter([{ path: 'entries/:id', children: [] }]),
      { provide: Gql, useValue: gql },
      { provide: SessionStore, useValue: { user: signal({ id: 'u1', email: 'a@example.com', name: 'A', roles: [] }) } },
    ],
  });
  return gql;
}

/** The editor on a page: `inputs` as the router gives them (id, or journal for a new entry). */
async function mount(inputs: { id?: string; journal?: string }) {
  const fixture = TestBed.createComponent(EntryEditor);
  for (const [name, value] of Object.entries(inputs)) fixture.componentRef.setInput(name, value);
  const el = fixture.nativeElement as HTMLElement;
  const field = <T extends HTMLElement>(selector: string) => el.querySelector<T>(selector);
  /** The text of a field: an input's value, or the text of the Markdown editor (CodeMirror, not a form control). */
  const text = (selector: string) => {
    const box = field(selector);
    const editor = box?.classList.contains('cm-content') ? EditorView.findFromDOM(box) : null;
    return editor ? editor.state.doc.toString() : (box as HTMLInputElement | null)?.value;
  };
  /** Replaces a field's text as typing would (in the Markdown editor: as a user's edit, which it reports). */
  const type = async (selector: string, value: string) => {
    const box = field<HTMLInputElement>(selector)!;
    const editor = box.classList.contains('cm-content') ? EditorView.findFromDOM(box) : null;
    if (editor) editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: value }, userEvent: 'input.type' });
    else {
      box.value = value;
      box.dispatchEvent(new Event('input'));
    }
    await fixture.whenStable();
  };
  const saveNow = async () => {
    el.querySelector('form.editor')!.dispatchEvent(new Event('submit'));
    await fixture.whenStable();
  };
  const write = async (text: string) => {
    await type('#entry-content', text);
    await saveNow();
  };
  const status = () => el.querySelector('.save-state')?.textContent?.trim();
  await fixture.whenStable();
  const editor = fixture.componentInstance as unknown as { canLeave(): boolean | Promise<boolean> };
  return { fixture, el, field, text, type, saveNow, write, status, editor };
}

async function open(gql?: FakeGql) {
  const server = setUp(gql);
  const page = await mount({ id: 'e1' });
  await vi.waitFor(() => expect(page.text('#entry-content')).toBe('At dawn.'));
  return { gql: server, ...page };
}

const button = (root: Element, name: string) =>
  Array.from(root.querySelectorAll('button')).find((b) => b.textContent?.includes(name)) as HTMLButtonElement;

describe('EntryEditor', () => {
  beforeEach(() => {
    localStorage.clear();
    sessionStorage.clear();
  });

  it('loads the entry and saves a change with its version', async () => {
    const { gql, write, status, el } = await open();
    expect(el.querySelector<HTMLInputElement>('#entry-title')?.value).toBe('Harbour');
    expect(el.querySelector('[aria-pressed=true]')?.textContent).toContain('Calm');
    await write('At dawn, the lighthouse.');
    await vi.waitFor(() => expect(status()).toBe('All changes saved'));
    expect(gql.updates).toEqual([{ expectedVersion: 1, content: 'At dawn, the lighthouse.' }]);
    expect(localStorage.length).toBe(0); // the server has it: nothing kept on the device
  });

  it('shows the Markdown written rendered in Preview, with raw HTML and javascript: links neutralised, and back to Write', async () => {
    const { fixture, type, text, el, field } = await open();
    const body = field('#entry-content')!;
    expect(body.getAttribute('aria-labelledby')).toBe('entry-content-label');
    expect(field('#entry-content-label')?.textContent).toBe('Entry');
    await type('#entry-content', '# Harbour\n\n**Gulls** <img src=x onerror=alert(1)> [tap](javascript:alert(1))');
    button(el, 'Preview').click();
    await fixture.whenStable();
    const preview = el.querySelector('.preview')!;
    expect(preview.querySelector('h1')?.textContent).toBe('Harbour');
    expect(preview.querySelector('strong')?.textContent).toBe('Gulls');
    expect(preview.querySelector('img, [onerror]')).toBeNull();
    expect(preview.textContent).toContain('<img src=x onerror=alert(1)>');
    expect(preview.querySelector('a')?.hasAttribute('href')).toBe(false);
    expect(button(el, 'Preview').getAttribute('aria-pressed')).toBe('true');
    expect(el.querySelector('mf-markdown-editor')?.hasAttribute('hidden')).toBe(true);
    button(el, 'Write').click();
    await fixture.whenStable();
    expect(el.querySelector('.preview')).toBeNull();
    expect(el.querySelector('mf-markdown-editor')?.hasAttribute('hidden')).toBe(false);
    expect(text('#entry-content')).toContain('**Gulls**');
  });

  it('lets right-to-left text read right to left: the title and the text take the direction of what is typed', async () => {
    const { field } = await open();
    expect(field('#entry-title')?.getAttribute('dir')).toBe('auto');
    expect(field('#entry-content')?.getAttribute('dir')).toBe('auto');
  });

  it('on CONFLICT shows both versions; "Keep mine" saves mine on top of theirs', async () => {
    const { gql, fixture, write, status, el } = await open();
    gql.server = entry(2, 'Changed in another tab.');
    await write('My words.');
    await vi.waitFor(() => expect(status()).toBe('Changed elsewhere — choose a version'));
    const conflict = el.querySelector('.conflict')!;
    expect(conflict.textContent).toContain('My words.');
    expect(conflict.textContent).toContain('Changed in another tab.');
    expect(conflict.textContent).toContain('v2');

    button(conflict, 'Keep mine').click();
    await fixture.whenStable();
    await vi.waitFor(() => expect(status()).toBe('All changes saved'));
    expect(gql.updates.map((u) => u.expectedVersion)).toEqual([1, 2]);
    expect(gql.server).toMatchObject({ version: 3, content: 'My words.' });
    expect(el.querySelector('.conflict')).toBeNull();
  });

  it('"Use theirs" replaces my draft, saves nothing, and does not claim to have saved', async () => {
    const { gql, fixture, write, status, el, text } = await open();
    gql.server = entry(2, 'Theirs.');
    await write('Mine.');
    await vi.waitFor(() => expect(el.querySelector('.conflict')).not.toBeNull());
    button(el.querySelector('.conflict')!, 'Use theirs').click();
    await fixture.whenStable();
    expect(text('#entry-content')).toBe('Theirs.');
    expect(status()).toBe('Up to date');
    expect(gql.updates).toHaveLength(1);
  });

  describe('a change made in another tab, arriving live', () => {
    /** Another tab saves `change` on the server, and its entryChanged arrives here. */
    const elsewhere = async (gql: FakeGql, fixture: { whenStable(): Promise<unknown> }, change: Partial<EntryFieldsFragment>) => {
      gql.server = { ...gql.server, ...change, version: gql.server.version + 1 };
      TestBed.inject(RemoteEntries).arrived({ kind: 'UPDATED', entryId: gql.server.id, entry: gql.server });
      await fixture.whenStable();
    };

    it('shows it in an editor with nothing changed here, which stays up to date and sends nothing', async () => {
      const { gql, fixture, text, status, field } = await open();
      await elsewhere(gql, fixture, { title: 'Harbour at noon', content: 'Written in the other tab.', mood: 'GOOD', tags: ['sea', 'noon'] });
      expect(field<HTMLInputElement>('#entry-title')?.value).toBe('Harbour at noon');
      expect(text('#entry-content')).toBe('Written in the other tab.');
      expect(text('#entry-tags')).toBe('sea, noon');
      expect(status()).toBe('Up to date');
      expect(gql.sent).toBe(0);
    });

    it('merges field by field: their title comes in, my text stays, and both are saved on their version without asking', async () => {
      const { gql, fixture, type, saveNow, text, status, field, el } = await open();
      await type('#entry-content', 'My words, typed here.');
      await elsewhere(gql, fixture, { title: 'Retitled elsewhere' });
      expect(field<HTMLInputElement>('#entry-title')?.value).toBe('Retitled elsewhere');
      expect(text('#entry-content')).toBe('My words, typed here.');
      expect(el.querySelector('.conflict')).toBeNull();
      await saveNow();
      await vi.waitFor(() => expect(status()).toBe('All changes saved'));
      expect(gql.updates).toEqual([{ expectedVersion: 2, content: 'My words, typed here.' }]);
      expect(gql.server).toMatchObject({ version: 3, title: 'Retitled elsewhere', content: 'My words, typed here.' });
    });

    it('asks only about the field both changed; "Use theirs" takes their text and still saves my title', async () => {
      const { gql, fixture, type, text, status, field, el } = await open();
      await type('#entry-title', 'My title');
      await type('#entry-content', 'My text.');
      await elsewhere(gql, fixture, { content: 'Their text.', mood: 'GOOD' });
      await vi.waitFor(() => expect(status()).toBe('Changed elsewhere — choose a version'));
      const conflict = el.querySelector('.conflict')!;
      expect(Array.from(conflict.querySelectorAll('h3')).map((h) => h.textContent)).toEqual(['Entry']);
      expect(conflict.textContent).toContain('My text.');
      expect(conflict.textContent).toContain('Their text.');
      expect(el.querySelector('[aria-pressed=true]')?.textContent).toContain('Good'); // their mood is in already
      expect(gql.sent).toBe(0); // nothing is saved while the writer has not chosen

      button(conflict, 'Use theirs').click();
      await fixture.whenStable();
      await vi.waitFor(() => expect(status()).toBe('All changes saved'));
      expect(text('#entry-content')).toBe('Their text.');
      expect(field<HTMLInputElement>('#entry-title')?.value).toBe('My title');
      expect(gql.server).toMatchObject({ version: 3, title: 'My title', content: 'Their text.', mood: 'GOOD' });
    });

    it('"Keep mine" keeps my text and their other change (their title is not wiped)', async () => {
      const { gql, fixture, type, status, el } = await open();
      await type('#entry-content', 'My text.');
      await elsewhere(gql, fixture, { title: 'Their title', content: 'Their text.' });
      await vi.waitFor(() => expect(el.querySelector('.conflict')).not.toBeNull());
      button(el.querySelector('.conflict')!, 'Keep mine').click();
      await vi.waitFor(() => expect(status()).toBe('All changes saved'));
      expect(gql.server).toMatchObject({ version: 3, title: 'Their title', content: 'My text.' });
    });

    it('a save refused as stale (the change arrived late) is merged and sent again on the new version, without asking', async () => {
      const { gql, type, saveNow, status, el, field } = await open();
      gql.server = { ...gql.server, title: 'Saved in another tab', version: 2 }; // its entryChanged has not come yet
      await type('#entry-content', 'Mine.');
      await saveNow();
      await vi.waitFor(() => expect(status()).toBe('All changes saved'));
      expect(gql.updates.map((u) => u.expectedVersion)).toEqual([1, 2]);
      expect(gql.server).toMatchObject({ version: 3, title: 'Saved in another tab', content: 'Mine.' });
      expect(field<HTMLInputElement>('#entry-title')?.value).toBe('Saved in another tab');
      expect(el.querySelector('.conflict')).toBeNull();
    });

    it('says so when the entry is deleted elsewhere, and sends nothing more', async () => {
      const { gql, fixture, type, el } = await open();
      TestBed.inject(RemoteEntries).arrived({ kind: 'DELETED', entryId: 'e1', entry: null });
      await fixture.whenStable();
      expect(el.querySelector('[role=alert]')?.textContent).toContain('This entry was deleted in another tab or on another device.');
      await type('#entry-content', 'Typed after it was deleted.');
      await new Promise((resolve) => setTimeout(resolve, 1_000)); // past the autosave delay
      expect(gql.sent).toBe(0);
    });

    it('ignores its own save coming back and older versions', async () => {
      const { gql, fixture, write, status, text } = await open();
      await write('Mine, saved.');
      await vi.waitFor(() => expect(status()).toBe('All changes saved'));
      TestBed.inject(RemoteEntries).arrived({ kind: 'UPDATED', entryId: 'e1', entry: gql.server });
      TestBed.inject(RemoteEntries).arrived({ kind: 'UPDATED', entryId: 'e1', entry: entry(1, 'Old text.') });
      await fixture.whenStable();
      expect(text('#entry-content')).toBe('Mine, saved.');
      expect(status()).toBe('All changes saved');
      expect(gql.sent).toBe(1);
    });
  });

  it('on a slow network shows the entry loading, not a blank editable "New entry" form', async () => {
    const gql = setUp();
    let arrive!: () => void;
    gql.loadGate = new Promise((resolve) => (arrive = resolve));
    const { fixture, el, field, text, status } = await mount({ id: 'e1' });
    await fixture.whenStable().catch(() => undefined);
    expect(el.querySelector('h1')?.textContent).toBe('Edit entry');
    expect(status()).toBe('Loading…');
    expect(field('#entry-content')).toBeNull();
    expect(field('#entry-title')).toBeNull();
    arrive();
    await vi.waitFor(() => expect(text('#entry-content')).toBe('At dawn.'));
    expect(status()).toBe('Up to date');
  });

  it('an entry that could not be loaded offline is loaded when the network is back', async () => {
    const gql = setUp();
    gql.offline = true;
    const { el, field, text } = await mount({ id: 'e1' });
    await vi.waitFor(() => expect(el.querySelector('[role=alert]')?.textContent).toContain('You are offline.'));
    expect(field('#entry-content')).toBeNull();
    gql.offline = false;
    window.dispatchEvent(new Event('online'));
    await vi.waitFor(() => expect(text('#entry-content')).toBe('At dawn.'));
  });

  it('keeps nothing on the device once a change is undone, and leaves another tab\'s kept draft alone', async () => {
    const { type } = await open();
    await type('#entry-content', 'At dawn, a typo');
    expect(localStorage.length).toBe(1);
    await type('#entry-content', 'At dawn.');
    expect(localStorage.length).toBe(0);

    const key = localStorage.key(0) ?? 'mindflow:draft:u1:entry:e1';
    const otherTab = { draft: { title: 'Harbour', content: 'Another tab, not saved yet.', mood: 'CALM', tags: ['sea'] }, baseVersion: 1, keptAt: '2026-11-01T08:00:00Z' };
    await type('#entry-content', 'At dawn!');
    localStorage.setItem(key, JSON.stringify(otherTab)); // the other tab writes after us
    await type('#entry-content', 'At dawn.');
    expect(JSON.parse(localStorage.getItem(key)!).draft.content).toBe('Another tab, not saved yet.');
  });

  it('a refused save keeps the draft, points at the field, and the draft survives leaving the page', async () => {
    const gql = new FakeGql();
    gql.titleLimit = 10; // stricter than the client knows: only the server can refuse it
    const { fixture, type, saveNow, field, text, status, editor } = await open(gql);
    await type('#entry-title', 'A title far too long');
    await type('#entry-content', 'Words I must not lose.');
    await saveNow();
    await vi.waitFor(() => expect(status()).toBe('Not saved — fix the highlighted field'));
    expect(field('#entry-title-problem')?.textContent).toBe('Title must be at most 10 characters.');
    expect(field('#entry-title')?.getAttribute('aria-invalid')).toBe('true');
    expect(field('#entry-title')?.getAttribute('aria-describedby')).toBe('entry-title-problem');
    expect(text('#entry-content')).toBe('Words I must not lose.');
    expect(gql.server.content).toBe('At dawn.');

    // leaving asks first
    const leaving = editor.canLeave();
    expect(leaving).toBeInstanceOf(Promise);
    await fixture.whenStable();
    const dialog = fixture.nativeElement.querySelector('[role=alertdialog]') as HTMLElement;
    expect(dialog.textContent).toContain('Leave with unsaved changes?');
    button(dialog, 'Leave').click();
    await expect(leaving).resolves.toBe(true);
    fixture.destroy();
    expect(gql.sent).toBe(1); // the refused draft is not sent again on the way out

    // opened again: the draft is back, with a notice, and still refused until fixed
    const again = await mount({ id: 'e1' });
    await vi.waitFor(() => expect(again.text('#entry-content')).toBe('Words I must not lose.'));
    expect(again.field<HTMLInputElement>('#entry-title')?.value).toBe('A title far too long');
    expect(again.el.querySelector('.restored')?.textContent).toContain('Restored what you wrote on this device');
    await vi.waitFor(() => expect(again.status()).toBe('Not saved — fix the highlighted field'), { timeout: 3000 });

    // fixed: saved, and no longer kept on the device
    await again.type('#entry-title', 'Short');
    await again.saveNow();
    await vi.waitFor(() => expect(again.status()).toBe('All changes saved'));
    expect(gql.server).toMatchObject({ title: 'Short', content: 'Words I must not lose.' });
    expect(localStorage.length).toBe(0);
  });

  it('suggests the user\'s tags for the word typed in the tag box, and picks one with the keyboard or the mouse', async () => {
    const { gql, type, field, fixture, status, saveNow } = await open();
    const box = field<HTMLInputElement>('#entry-tags')!;
    expect(box.value).toBe('sea');
    await type('#entry-tags', 'sea, g');
    await type('#entry-tags', 'sea, ga');
    const options = () => [...fixture.nativeElement.querySelectorAll('#entry-tag-suggestions [role=option]')].map((o) => (o as HTMLElement).textContent?.trim());
    await vi.waitFor(() => expect(options()).toEqual(['#garden', '#gardening']));
    expect(gql.tagPrefixes).toEqual(['ga']); // once typing paused, for the last word only
    expect(box.getAttribute('aria-expanded')).toBe('true');

    const key = async (k: string) => {
      const event = new KeyboardEvent('keydown', { key: k, cancelable: true });
      box.dispatchEvent(event);
      await fixture.whenStable();
      return event.defaultPrevented;
    };
    expect(await key('ArrowDown')).toBe(true);
    expect(await key('ArrowDown')).toBe(true);
    expect(box.getAttribute('aria-activedescendant')).toBe('entry-tag-suggestion-1');
    expect(field('#entry-tag-suggestion-1')?.getAttribute('aria-selected')).toBe('true');
    expect(await key('Enter')).toBe(true); // picks: it does not save now
    expect(box.value).toBe('sea, gardening, ');
    expect(box.selectionStart).toBe(16);
    expect(options()).toEqual([]);
    expect(box.getAttribute('aria-expanded')).toBe('false');

    // a tag already on the entry is not offered again; Escape closes the list and does nothing else
    await type('#entry-tags', 'sea, gardening, gar');
    await vi.waitFor(() => expect(options()).toEqual(['#garden']));
    expect(await key('Escape')).toBe(true);
    expect(options()).toEqual([]);

    // the mouse picks too, on mousedown: the box keeps the focus
    await type('#entry-tags', 'sea, gardening, gr');
    await vi.waitFor(() => expect(options()).toEqual(['#gratitude']));
    const press = new MouseEvent('mousedown', { bubbles: true, cancelable: true });
    field('#entry-tag-suggestion-0')!.dispatchEvent(press);
    await fixture.whenStable();
    expect(press.defaultPrevented).toBe(true);
    expect(box.value).toBe('sea, gardening, gratitude, ');
    await type('#entry-tags', 'sea, gardening, gratitude, garden');
    await saveNow();
    await vi.waitFor(() => expect(status()).toBe('All changes saved'));
    expect(await key('Enter')).toBe(false); // nothing offered: Enter is the form's again
  });

  it('checks the server limits before saving: a title over 200 characters is not sent', async () => {
    const { gql, type, saveNow, field, status } = await open();
    await type('#entry-title', 'x'.repeat(205));
    await saveNow();
    expect(status()).toBe('Not saved — fix the highlighted field');
    expect(field('#entry-title-problem')?.textContent).toContain('at most 200 characters: this one has 205');
    expect(field('.counter')?.textContent).toBe('205 / 200');
    expect(field<HTMLButtonElement>('button[type=submit]')?.disabled).toBe(true);
    expect(gql.updates).toEqual([]);
  });

  it('a save that fails on the network is saved by itself when the browser is back online', async () => {
    const { gql, write, status, el } = await open();
    gql.offline = true;
    await write('Written on a train.');
    await vi.waitFor(() => expect(status()).toMatch(/^(Offline — kept on this device|Not saved yet — trying again)/));
    expect(el.querySelector('[role=alert]')?.textContent).toContain('You are offline.');
    gql.offline = false;
    window.dispatchEvent(new Event('online'));
    // at once: the next backoff attempt would only come a second later
    await vi.waitFor(() => expect(status()).toBe('All changes saved'), { timeout: 500 });
    expect(gql.server.content).toBe('Written on a train.');
    expect(el.querySelector('[role=alert]')).toBeNull();
  });

  it('never says "saved" for a draft it did not save (an emptied entry)', async () => {
    const { gql, write, status } = await open();
    await write('');
    expect(status()).toBe('Not saved — an entry needs some text');
    expect(gql.updates).toEqual([]);
  });

  it('asks the browser to warn before the tab closes with unsaved changes, not otherwise', async () => {
    const { gql, type, saveNow, status } = await open();
    const unload = () => {
      const event = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(event);
      return event.defaultPrevented;
    };
    expect(unload()).toBe(false);
    gql.offline = true;
    await type('#entry-content', 'Not on the server yet.');
    expect(unload()).toBe(true);
    gql.offline = false;
    await saveNow();
    await vi.waitFor(() => expect(status()).toBe('All changes saved'));
    expect(unload()).toBe(false);
  });

  it('starts a new entry from a template: its prompts, title, tags and mood, saved only once something is written', async () => {
    const gql = setUp();
    const { fixture, el, field, text, type, saveNow, status } = await mount({ journal: 'j1' });
    const templates = () => el.querySelector('[role=group][aria-label="Start from a template"]');
    expect(Array.from(templates()!.querySelectorAll('button')).map((b) => b.textContent?.trim()))
      .toEqual(['Gratitude', 'Daily review', 'Morning pages', 'Untangle a worry']);
    button(templates()!, 'Gratitude').click();
    await fixture.whenStable();
    expect(field<HTMLInputElement>('#entry-title')?.value).toBe('Three good things');
    expect(text('#entry-content')).toContain('## Three things I am grateful for');
    expect(text('#entry-tags')).toBe('gratitude');
    expect(el.querySelector('.mood[aria-pressed=true]')?.textContent).toContain('Grateful');
    await saveNow();
    expect(status()).toBe('Not saved — an entry needs some text'); // prompts alone are not an entry
    expect(gql.sent).toBe(0);
    expect(templates()).not.toBeNull(); // another one can still be chosen

    await type('#entry-content', `${text('#entry-content')}The sea at dawn.`);
    expect(templates()).toBeNull();
    await saveNow();
    await vi.waitFor(() => expect(gql.creates).toHaveLength(1));
    expect(gql.creates[0]?.content).toContain('## Three things I am grateful for');
    expect(gql.server).toMatchObject({ title: 'Three good things', tags: ['gratitude'], mood: 'GRATEFUL' });
  });

  it('backdates a new entry to an earlier day, never a later one; today sends no date', async () => {
    const gql = setUp();
    const { fixture, field, write, status } = await mount({ journal: 'j1' });
    const date = field<HTMLInputElement>('#entry-date')!;
    const today = date.value;
    expect(today).toMatch(/^\d{4}-\d\d-\d\d$/);
    expect(date.max).toBe(today);
    date.value = '2099-01-01';
    date.dispatchEvent(new Event('change'));
    await fixture.whenStable();
    date.value = '2026-01-10';
    date.dispatchEvent(new Event('change'));
    await fixture.whenStable();
    await write('The storm last Saturday.');
    await vi.waitFor(() => expect(status()).toBe('All changes saved'));
    expect(gql.creates).toHaveLength(1);
    expect(gql.creates[0]?.createdAt).toBe(new Date(2026, 0, 10, 12).toISOString());
    await vi.waitFor(() => expect(field<HTMLInputElement>('#entry-date')?.value).toBe('2026-01-10')); // the entry's day, now

    // a backdated draft kept on the device (offline) comes back with its day
    gql.offline = true;
    const kept = await mount({ journal: 'j1' });
    const keptDate = kept.field<HTMLInputElement>('#entry-date')!;
    keptDate.value = '2026-02-02';
    keptDate.dispatchEvent(new Event('change'));
    await kept.write('Kept on the device.');
    kept.fixture.destroy();
    const back = await mount({ journal: 'j1' });
    expect(back.field<HTMLInputElement>('#entry-date')?.value).toBe('2026-02-02');
    back.fixture.destroy();
    await Promise.resolve();
    localStorage.clear();
    gql.offline = false;

    const other = await mount({ journal: 'j1' });
    await other.write('Today, plainly.');
    await vi.waitFor(() => expect(gql.creates).toHaveLength(2));
    expect(gql.creates[1]).not.toHaveProperty('createdAt');
  });

  it('redates an entry that exists: the date alone is sent, after the text\'s save, and the text is kept', async () => {
    const { gql, fixture, field, write, status, el } = await open();
    await vi.waitFor(() => expect(field<HTMLInputElement>('#entry-date')?.value).toBe(localDay(new Date(gql.server.createdAt))));
    expect(el.querySelector('label[for="entry-date"]')?.textContent).toContain('the day it is about');
    await write('At dawn, then rain.');
    const date = field<HTMLInputElement>('#entry-date')!;
    date.value = '2026-10-30';
    date.dispatchEvent(new Event('change'));
    await vi.waitFor(() => expect(gql.dated).toEqual([undefined, new Date(2026, 9, 30, 12).toISOString()]));
    await vi.waitFor(() => expect(status()).toBe('All changes saved'));
    expect(gql.server).toMatchObject({ content: 'At dawn, then rain.', createdAt: new Date(2026, 9, 30, 12).toISOString(), version: 3 });
    await fixture.whenStable();
    expect(date.value).toBe('2026-10-30');

    // a later day is no date it can have: nothing is sent, the field shows the entry's day again
    date.value = '2099-01-01';
    date.dispatchEvent(new Event('change'));
    await fixture.whenStable();
    expect(gql.dated).toHaveLength(2);
    expect(date.value).toBe('2026-10-30');

    // refused (here: offline): said at the field, the entry keeps its day, the text is untouched
    gql.offline = true;
    date.value = '2026-10-01';
    date.dispatchEvent(new Event('change'));
    await vi.waitFor(() => expect(el.querySelector('#entry-date-problem')?.textContent).toContain('The date could not be changed'));
    await fixture.whenStable();
    expect(date.value).toBe('2026-10-30');
    expect(date.getAttribute('aria-invalid')).toBe('true');
    expect(gql.server.content).toBe('At dawn, then rain.');
  });

  it('offers no templates for an entry that exists', async () => {
    const { el } = await open();
    expect(el.querySelector('[aria-label="Start from a template"]')).toBeNull();
  });

  it('keeps a new entry written in a journal on the device until it is created, then forgets it', async () => {
    const gql = setUp();
    gql.offline = true;
    const first = await mount({ journal: 'j1' });
    await first.type('#entry-title', 'Garden');
    await first.write('Planted tulips.');
    await vi.waitFor(() => expect(first.status()).toMatch(/^(Offline|Not saved yet)/));
    first.fixture.destroy();

    gql.offline = false;
    const again = await mount({ journal: 'j1' });
    await vi.waitFor(() => expect(again.text('#entry-content')).toBe('Planted tulips.'));
    expect(again.field<HTMLInputElement>('#entry-title')?.value).toBe('Garden');
    await again.saveNow();
    await vi.waitFor(() => expect(again.status()).toBe('All changes saved'));
    expect(gql.creates).toHaveLength(1);
    expect(gql.creates[0]).toMatchObject({ journalId: 'j1', content: 'Planted tulips.' });
    expect(localStorage.length).toBe(0);
    // its own address, known to the router (a cancelled navigation later must not bring back /entries/new)
    await vi.waitFor(() => expect(TestBed.inject(Router).url).toBe('/entries/e2'));
  });

  describe('a new entry whose createEntry key was used before', () => {
    const failing = /^(Offline|Not saved yet)/;

    it('a create whose answer was lost, retried with more text, saves that text on the entry it made', async () => {
      const gql = setUp();
      const page = await mount({ journal: 'j1' });
      gql.loseAnswer = true;
      await page.write('First words.');
      await vi.waitFor(() => expect(page.status()).toMatch(failing));
      expect(gql.byKey.size).toBe(1); // it did reach the server

      await page.write('First words, and more.'); // the retry: same key, the server answers with the first entry
      await vi.waitFor(() => expect(page.status()).toBe('All changes saved'));
      expect(gql.creates.map((c) => c.content)).toEqual(['First words.', 'First words, and more.']);
      expect(gql.updates).toEqual([{ expectedVersion: 1, content: 'First words, and more.' }]);
      expect(gql.server).toMatchObject({ id: 'e2', version: 2, content: 'First words, and more.' });
      expect(gql.byKey.size).toBe(1);
      expect(localStorage.length).toBe(0);
    });

    it('is not "saved" while the server holds older text: the device copy stays until the update goes through', async () => {
      const gql = setUp();
      const page = await mount({ journal: 'j1' });
      gql.loseAnswer = true;
      await page.write('First words.');
      await vi.waitFor(() => expect(page.status()).toMatch(failing));
      gql.offline = true;
      await page.write('First words, and more.');
      await vi.waitFor(() => expect(page.status()).toMatch(failing));
      // back: the create brings back the first entry, the update that follows fails on the way
      gql.offline = false;
      const mutate = gql.mutate.bind(gql);
      let updateTried = false;
      vi.spyOn(gql, 'mutate').mockImplementation(async (document, variables) => {
        if (document === UpdateEntryDocument) gql.offline = updateTried = true;
        return mutate(document, variables);
      });
      await page.saveNow();
      await vi.waitFor(() => expect(updateTried).toBe(true));
      await vi.waitFor(() => expect(page.status()).toMatch(failing));
      expect(gql.server.content).toBe('First words.');
      expect(JSON.parse(localStorage.getItem('mindflow:draft:u1:entry:e2')!)).toMatchObject({
        draft: { content: 'First words, and more.' }, baseVersion: 1,
      });
    });

    it('a restored draft whose create reached the server before the page died is saved onto that entry', async () => {
      const gql = setUp();
      const first = await mount({ journal: 'j1' });
      gql.loseAnswer = true;
      await first.write('Planted tulips.');
      await vi.waitFor(() => expect(first.status()).toMatch(failing));
      gql.offline = true;
      await first.type('#entry-content', 'Planted tulips and roses.');
      first.fixture.destroy(); // the page died

      gql.offline = false;
      const again = await mount({ journal: 'j1' }); // reloaded, in the same tab
      await vi.waitFor(() => expect(again.text('#entry-content')).toBe('Planted tulips and roses.'));
      await again.saveNow();
      await vi.waitFor(() => expect(again.status()).toBe('All changes saved'));
      expect(new Set(gql.creates.map((c) => c.idempotencyKey)).size).toBe(1); // not created twice
      expect(gql.server).toMatchObject({ id: 'e2', content: 'Planted tulips and roses.' });
      expect(localStorage.length).toBe(0);
    });

    it('after "Discard it", the next new entry is created as a new entry, not answered with the discarded one', async () => {
      const gql = setUp();
      const first = await mount({ journal: 'j1' });
      gql.loseAnswer = true;
      await first.write('A draft I will not want.');
      await vi.waitFor(() => expect(first.status()).toMatch(failing));
      gql.offline = true;
      first.fixture.destroy();

      gql.offline = false;
      const again = await mount({ journal: 'j1' });
      await vi.waitFor(() => expect(again.el.querySelector('.restored')).not.toBeNull());
      button(again.el.querySelector('.restored')!, 'Discard it').click();
      await again.fixture.whenStable();
      expect(again.text('#entry-content')).toBe('');

      await again.write('Something else entirely.');
      await vi.waitFor(() => expect(again.status()).toBe('All changes saved'));
      const keys = gql.creates.map((c) => c.idempotencyKey);
      expect(keys[keys.length - 1]).not.toBe(keys[0]);
      expect(gql.byKey.get(keys[0]!)).toMatchObject({ id: 'e2', content: 'A draft I will not want.' });
      expect(gql.server).toMatchObject({ id: 'e3', content: 'Something else entirely.' });
      expect(gql.updates).toEqual([]);
    });

    it('after a create, the editor does not send that key again', async () => {
      const gql = setUp();
      const page = await mount({ journal: 'j1' });
      await page.write('Planted tulips.');
      await vi.waitFor(() => expect(page.status()).toBe('All changes saved'));
      const used = gql.creates[0]!.idempotencyKey;
      // no key of this editor is kept anywhere once it is used: a reload cannot bring it back
      await page.type('#entry-content', 'Planted tulips, kept on the device.');
      expect(localStorage.getItem('mindflow:draft:u1:entry:e2')).not.toContain(used);
      expect(Object.values(page.fixture.componentInstance as unknown as Record<string, unknown>)).not.toContain(used);
    });

    it('two tabs writing new entries in one journal make two entries, not one', async () => {
      const gql = setUp();
      gql.offline = true;
      const tabA = await mount({ journal: 'j1' });
      await tabA.write('From the first tab.');
      await vi.waitFor(() => expect(tabA.status()).toMatch(failing));

      sessionStorage.clear(); // from here on: another tab of the same browser
      const tabB = await mount({ journal: 'j1' });
      // the device copy is offered there too (the first tab may have been closed)…
      await vi.waitFor(() => expect(tabB.text('#entry-content')).toBe('From the first tab.'));
      await tabB.type('#entry-content', 'From the second tab.');

      gql.offline = false;
      await tabA.saveNow();
      await vi.waitFor(() => expect(tabA.status()).toBe('All changes saved'));
      await tabB.saveNow();
      await vi.waitFor(() => expect(tabB.status()).toBe('All changes saved'));
      // …but not its key: each tab's draft is its own entry
      expect(new Set(gql.creates.map((c) => c.idempotencyKey)).size).toBe(2);
      expect([...gql.byKey.values()].map((e) => [e.id, e.content])).toEqual([['e2', 'From the first tab.'], ['e3', 'From the second tab.']]);
      expect(gql.updates).toEqual([]);
    });
  });
});

/** A day as YYYY-MM-DD in the time zone the test runs in (as the editor shows it). */
function localDay(at: Date): string {
  return `${at.getFullYear()}-${String(at.getMonth() + 1).padStart(2, '0')}-${String(at.getDate()).padStart(2, '0')}`;
}
