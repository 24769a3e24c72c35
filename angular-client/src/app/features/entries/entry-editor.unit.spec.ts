import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { Gql } from '../../core/gql';
import type { ApiError } from '../../core/graphql-errors';
import { EntryDocument, UpdateEntryDocument, type EntryFieldsFragment } from '../../graphql/generated';
import { EntryEditor } from './entry-editor';

const entry = (version: number, content: string, title = 'Harbour'): EntryFieldsFragment => ({
  id: 'e1', title, content, mood: 'CALM', tags: ['sea'], wordCount: content.split(' ').length, version,
  createdAt: '2026-11-01T07:00:00Z', updatedAt: '2026-11-01T07:00:00Z', journal: { id: 'j1', name: 'Morning pages' },
});

/** The server as the editor sees it: entries by version, CONFLICT on a stale expectedVersion. */
class FakeGql {
  server = entry(1, 'At dawn.');
  updates: { expectedVersion: number; content: string }[] = [];
  async query(document: unknown) {
    if (document === EntryDocument) return { entry: this.server };
    throw new Error('unexpected query');
  }
  async mutate(document: unknown, variables: { expectedVersion: number; input: { content: string; title: string | null } }) {
    if (document !== UpdateEntryDocument) throw new Error('unexpected mutation');
    this.updates.push({ expectedVersion: variables.expectedVersion, content: variables.input.content });
    if (variables.expectedVersion !== this.server.version) {
      throw { code: 'CONFLICT', message: 'stale', currentVersion: this.server.version } satisfies ApiError;
    }
    this.server = { ...this.server, content: variables.input.content, version: this.server.version + 1 };
    return { updateEntry: { entry: this.server, consistencyToken: 't' } };
  }
  watch() {
    return { data: signal(undefined), loading: signal(false), error: signal(undefined), refetch: async () => undefined };
  }
}

async function open() {
  const gql = new FakeGql();
  TestBed.configureTestingModule({ providers: [provideRouter([]), { provide: Gql, useValue: gql }] });
  const fixture = TestBed.createComponent(EntryEditor);
  fixture.componentRef.setInput('id', 'e1');
  const el = fixture.nativeElement as HTMLElement;
  await vi.waitFor(() => expect(el.querySelector<HTMLTextAreaElement>('#entry-content')?.value).toBe('At dawn.'));
  const write = async (text: string) => {
    const content = el.querySelector<HTMLTextAreaElement>('#entry-content')!;
    content.value = text;
    content.dispatchEvent(new Event('input'));
    el.querySelector('form.editor')!.dispatchEvent(new Event('submit')); // Save now
    await fixture.whenStable();
  };
  const status = () => el.querySelector('.save-state')?.textContent?.trim();
  return { gql, fixture, el, write, status };
}

describe('EntryEditor', () => {
  it('loads the entry and saves a change with its version', async () => {
    const { gql, write, status, el } = await open();
    expect(el.querySelector<HTMLInputElement>('#entry-title')?.value).toBe('Harbour');
    expect(el.querySelector('[aria-pressed=true]')?.textContent).toContain('Calm');
    await write('At dawn, the lighthouse.');
    await vi.waitFor(() => expect(status()).toBe('All changes saved'));
    expect(gql.updates).toEqual([{ expectedVersion: 1, content: 'At dawn, the lighthouse.' }]);
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

    (Array.from(conflict.querySelectorAll('button')).find((b) => b.textContent?.includes('Keep mine')))!.click();
    await fixture.whenStable();
    await vi.waitFor(() => expect(status()).toBe('All changes saved'));
    expect(gql.updates.map((u) => u.expectedVersion)).toEqual([1, 2]);
    expect(gql.server).toMatchObject({ version: 3, content: 'My words.' });
    expect(el.querySelector('.conflict')).toBeNull();
  });

  it('"Use theirs" replaces my draft and saves nothing', async () => {
    const { gql, fixture, write, status, el } = await open();
    gql.server = entry(2, 'Theirs.');
    await write('Mine.');
    await vi.waitFor(() => expect(el.querySelector('.conflict')).not.toBeNull());
    (Array.from(el.querySelectorAll('.conflict button')).find((b) => b.textContent?.includes('Use theirs')) as HTMLButtonElement).click();
    await fixture.whenStable();
    expect(el.querySelector<HTMLTextAreaElement>('#entry-content')?.value).toBe('Theirs.');
    expect(status()).toBe('All changes saved');
    expect(gql.updates).toHaveLength(1);
  });
});
