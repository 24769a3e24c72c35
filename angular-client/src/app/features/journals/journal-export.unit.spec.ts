import { TestBed } from '@angular/core/testing';
import { Gql } from '../../core/gql';
import type { ApiError } from '../../core/graphql-errors';
import { ExportJournalDocument } from '../../graphql/generated';
import { FileDownload } from './file-download';
import { JournalExport } from './journal-export';

const file = { fileName: 'field-notes-2026-12-07.pdf', contentType: 'application/pdf', url: 'https://files.example/export.pdf?sig', expiresAt: '2026-12-07T08:20:00Z' };

async function setUp(answer: () => Promise<unknown>) {
  const reads: { document: unknown; variables: unknown; options: unknown }[] = [];
  const downloads: [string, string][] = [];
  const gql = { query: (document: unknown, variables: unknown, options: unknown) => {
    reads.push({ document, variables, options });
    return answer();
  } };
  TestBed.configureTestingModule({
    providers: [{ provide: Gql, useValue: gql }, { provide: FileDownload, useValue: { start: (url: string, name: string) => downloads.push([url, name]) } }],
  });
  const fixture = TestBed.createComponent(JournalExport);
  fixture.componentRef.setInput('journalId', 'j1');
  await fixture.whenStable();
  const el = fixture.nativeElement as HTMLElement;
  const button = (name: string) => [...el.querySelectorAll('button')].find((b) => b.textContent?.trim() === name)!;
  const settle = async () => {
    await new Promise((resolve) => setTimeout(resolve));
    fixture.detectChanges();
    await fixture.whenStable();
  };
  const input = async (selector: string, value: string) => {
    const field = el.querySelector<HTMLInputElement>(selector)!;
    field.value = value;
    field.dispatchEvent(new Event('input'));
    await settle();
  };
  const choose = async (format: string) => {
    [...el.querySelectorAll('label')].find((l) => l.textContent?.trim().startsWith(format))!.querySelector('input')!.click();
    await settle();
  };
  button('Export…').click();
  await settle();
  return { el, reads, downloads, button, settle, input, choose };
}

describe('JournalExport', () => {
  it('prepares the chosen format for the chosen days with a progress bar, then downloads it', async () => {
    let answer!: (value: unknown) => void;
    const { el, reads, downloads, button, settle, input, choose } = await setUp(() => new Promise((resolve) => (answer = resolve)));
    expect(el.querySelector('form')?.getAttribute('aria-labelledby')).toBe('journal-export-title');
    await choose('JSON');
    await input('input[name=from]', '2026-11-01');
    await input('input[name=to]', '2026-11-30');
    button('Export').click();
    await settle();
    expect(el.querySelector('[role=status] progress')).not.toBeNull();
    expect(el.querySelector('[role=status]')?.textContent).toContain('Preparing your JSON file…');
    expect(reads).toEqual([{ document: ExportJournalDocument, variables: { id: 'j1', format: 'JSON', from: '2026-11-01', to: '2026-11-30' }, options: { fresh: true } }]);
    answer({ exportJournal: file });
    await settle();
    expect(downloads).toEqual([[file.url, file.fileName]]);
    expect(el.querySelector('progress')).toBeNull();
    const link = el.querySelector<HTMLAnchorElement>('.ready a')!;
    expect(link.textContent).toBe('Download field-notes-2026-12-07.pdf');
    expect(link.getAttribute('href')).toBe(file.url);
  });

  it('exports every entry as PDF by default, and refuses a range that ends before it starts without asking', async () => {
    const { el, reads, button, settle, input } = await setUp(async () => ({ exportJournal: file }));
    await input('input[name=from]', '2026-11-30');
    await input('input[name=to]', '2026-11-01');
    button('Export').click();
    await settle();
    expect(el.querySelector('#export-range-problem')?.textContent).toBe('The last day comes before the first.');
    expect(reads).toEqual([]);
    await input('input[name=from]', '');
    await input('input[name=to]', '');
    button('Export').click();
    await settle();
    expect(reads[0]!.variables).toEqual({ id: 'j1', format: 'PDF', from: null, to: null });
  });

  it('says why an export failed', async () => {
    const { el, downloads, button, settle } = await setUp(async () => { throw { code: 'NOT_FOUND', message: 'journal not found' } satisfies ApiError; });
    button('Export').click();
    await settle();
    expect(el.querySelector('[role=alert]')?.textContent).toBe('This item does not exist or was deleted.');
    expect(downloads).toEqual([]);
  });
});
