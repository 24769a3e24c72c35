import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { Gql } from '../../core/gql';
import {
  CreateEntryDocument, DeleteThoughtDocument, EntryDocument, JournalsDocument, ThoughtsDocument, type JournalFieldsFragment, type ThoughtFieldsFragment,
} from '../../graphql/generated';
import { thoughtAsEntry } from './thought-entry';
import { ThoughtsPage } from './thoughts-page';

const thought: ThoughtFieldsFragment = {
  id: 'th1', text: 'Harbour at dawn #sea\nThe gulls were loud and the tide was out.', tags: ['sea'], createdAt: '2026-12-01T07:00:00.000Z', version: 2,
};
const journal = (id: string, name: string, updatedAt: string): JournalFieldsFragment => ({
  id, name, description: null, color: null, icon: null, isPrivate: false, version: 1, entryCount: 0, createdAt: updatedAt, updatedAt,
});

class FakeGql {
  readonly mutations: { document: unknown; variables: Record<string, unknown> }[] = [];
  failDelete = false;
  failCreate = false;
  constructor(private readonly journals: JournalFieldsFragment[]) {}
  async mutate(document: unknown, variables: Record<string, unknown>) {
    this.mutations.push({ document, variables });
    if (document === CreateEntryDocument) {
      if (this.failCreate) throw new Error('The title is too long.');
      return { createEntry: { entry: { id: 'e9' }, consistencyToken: 'entry-token' } };
    }
    if (document === DeleteThoughtDocument) {
      if (this.failDelete) throw new Error('The network is down.');
      return { deleteThought: { id: thought.id, consistencyToken: 't' } };
    }
    throw new Error('unexpected mutation');
  }
  readonly reads: { document: unknown; options: unknown }[] = [];
  async query(document: unknown, _variables: unknown, options: unknown) {
    this.reads.push({ document, options });
    return { entry: { id: 'e9' } };
  }
  watch(document: unknown) {
    const data = document === ThoughtsDocument
      ? { thoughts: { edges: [{ cursor: '1', node: thought }], pageInfo: { hasNextPage: false, endCursor: null } } }
      : document === JournalsDocument
        ? { journals: { edges: this.journals.map((node, i) => ({ cursor: String(i), node })), pageInfo: { hasNextPage: false, endCursor: null }, totalCount: this.journals.length } }
        : undefined;
    return { data: signal(data), loading: signal(false), error: signal(undefined), refetch: async () => undefined };
  }
}

async function open(journals: JournalFieldsFragment[]) {
  const gql = new FakeGql(journals);
  TestBed.configureTestingModule({ providers: [provideRouter([]), { provide: Gql, useValue: gql }] });
  const navigate = vi.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
  const fixture = TestBed.createComponent(ThoughtsPage);
  const el = fixture.nativeElement as HTMLElement;
  await fixture.whenStable();
  const button = (name: string) => [...el.querySelectorAll('button')].find((b) => b.textContent?.trim() === name)!;
  button('Make it an entry').click();
  await fixture.whenStable();
  return { gql, fixture, el, button, navigate };
}

describe('a thought made an entry', () => {
  it('offers the journal written in most recently, creates the entry with the words and tags, then deletes the thought and opens the entry', async () => {
    const { gql, fixture, el, button, navigate } = await open([
      journal('j1', 'Work', '2026-11-01T00:00:00.000Z'), journal('j2', 'Morning pages', '2026-12-05T00:00:00.000Z'),
    ]);
    const select = el.querySelector<HTMLSelectElement>('select')!;
    expect(el.querySelector(`label[for="${select.id}"]`)?.textContent).toBe('Journal');
    await vi.waitFor(() => expect(select.value).toBe('j2'));
    button('Create the entry').click();
    await vi.waitFor(() => expect(navigate).toHaveBeenCalledWith(['/entries', 'e9']));
    expect(gql.mutations.map((m) => m.document)).toEqual([CreateEntryDocument, DeleteThoughtDocument]);
    expect(gql.mutations[0]!.variables).toEqual({
      input: { journalId: 'j2', title: 'Harbour at dawn #sea', content: 'The gulls were loud and the tide was out.', tags: ['sea'] },
      idempotencyKey: 'thought-entry-th1',
    });
    expect(gql.reads).toEqual([{ document: EntryDocument, options: { consistentWith: 'entry-token' } }]); // the editor will find it
    fixture.destroy();
  });

  it('keeps both and says so when the thought cannot be deleted after the entry was made', async () => {
    const { gql, fixture, el, button, navigate } = await open([journal('j1', 'Work', '2026-11-01T00:00:00.000Z')]);
    gql.failDelete = true;
    const select = el.querySelector<HTMLSelectElement>('select')!;
    await vi.waitFor(() => expect(select.value).toBe('j1'));
    button('Create the entry').click();
    await vi.waitFor(async () => {
      await fixture.whenStable();
      expect(el.querySelector('[role=alert]')?.textContent).toContain('could not be deleted');
    });
    const alert = el.querySelector('[role=alert]')!;
    expect(alert.textContent).toContain('both are kept');
    expect(alert.querySelector('a')?.getAttribute('href')).toBe('/entries/e9');
    expect(el.textContent).toContain('The gulls were loud');
    expect(navigate).not.toHaveBeenCalled();
  });

  it('deletes nothing when the entry could not be made, and keeps the choice open', async () => {
    const { gql, fixture, el, button, navigate } = await open([journal('j1', 'Work', '2026-11-01T00:00:00.000Z')]);
    gql.failCreate = true;
    await vi.waitFor(() => expect(el.querySelector<HTMLSelectElement>('select')!.value).toBe('j1'));
    button('Create the entry').click();
    await vi.waitFor(async () => {
      await fixture.whenStable();
      expect(el.querySelector('[role=alert]')).not.toBeNull();
    });
    expect(gql.mutations.map((m) => m.document)).toEqual([CreateEntryDocument]);
    expect(button('Create the entry')).toBeDefined();
    expect(navigate).not.toHaveBeenCalled();
  });

  it('says there is no journal yet, with a link to create one, and creates nothing', async () => {
    const { gql, el, button } = await open([]);
    const notice = el.querySelector('[role=status]')!;
    expect(notice.textContent).toContain('You have no journal yet.');
    expect(notice.querySelector('a')?.getAttribute('href')).toBe('/journals');
    expect(button('Create the entry').disabled).toBe(true);
    expect(gql.mutations).toHaveLength(0);
  });
});

describe('thoughtAsEntry', () => {
  it('takes the first line as the title only when it fits and something follows; tags kept', () => {
    expect(thoughtAsEntry({ text: 'Just one line', tags: ['a'] })).toEqual({ title: null, content: 'Just one line', tags: ['a'] });
    const long = 'x'.repeat(201);
    expect(thoughtAsEntry({ text: `${long}\nmore`, tags: [] })).toEqual({ title: null, content: `${long}\nmore`, tags: [] });
    expect(thoughtAsEntry({ text: 'Title\n\n  body\nlines ', tags: [] })).toEqual({ title: 'Title', content: 'body\nlines', tags: [] });
  });
});
