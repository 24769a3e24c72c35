import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { Gql } from '../../core/gql';
import type { ApiError } from '../../core/graphql-errors';
import { ErrorMessage } from '../../shared/error-message';
import { JournalWithEntriesDocument, type JournalWithEntriesQuery } from '../../graphql/generated';
import { markdownToText } from '../../shared/markdown/markdown-text';
import { moodLabel } from '../entries/moods';
import { journalToMarkdown, markdownFileName, type ExportableEntry } from './journal-markdown';

/** Bounds the export: 50 pages of 100 entries. */
const EXPORT_MAX_PAGES = 50;

@Component({
  selector: 'mf-journal-page',
  imports: [RouterLink, ErrorMessage],
  templateUrl: './journal-page.html',
  styles: `.entry-link { text-decoration: none; color: inherit; display: block; } .entry-link:hover strong { text-decoration: underline; }
           .excerpt { margin: .2rem 0 0; color: var(--muted); overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class JournalPage {
  private readonly gql = inject(Gql);
  readonly id = input.required<string>();
  protected readonly journal = this.gql.watch(JournalWithEntriesDocument, () => ({ id: this.id(), first: 50 }));
  protected readonly entries = computed(() => this.journal.data()?.journal?.entries.edges.map((e) => e.node) ?? []);
  protected readonly exporting = signal(false);
  protected readonly error = signal<ApiError | null>(null);
  protected readonly moodLabel = moodLabel;
  /** The start of an entry as the text a reader sees (its Markdown read, not shown): one line, cut by the list's CSS. */
  protected readonly excerpt = (content: string) => markdownToText(content.slice(0, 600));

  protected async exportMarkdown(): Promise<void> {
    this.exporting.set(true);
    this.error.set(null);
    try {
      const entries: ExportableEntry[] = [];
      let after: string | null = null;
      let meta: { name: string; description: string | null } | null = null;
      for (let page = 0; page < EXPORT_MAX_PAGES; page++) {
        const result: JournalWithEntriesQuery = await this.gql.query(JournalWithEntriesDocument, { id: this.id(), first: 100, after }, { fresh: true });
        const journal = result.journal;
        if (!journal) break;
        meta = journal;
        entries.push(...journal.entries.edges.map((e) => e.node));
        if (!journal.entries.pageInfo.hasNextPage) break;
        after = journal.entries.pageInfo.endCursor;
      }
      if (!meta) return;
      const blob = new Blob([journalToMarkdown(meta, entries)], { type: 'text/markdown;charset=utf-8' });
      const link = document.createElement('a');
      link.href = URL.createObjectURL(blob);
      link.download = markdownFileName(meta.name);
      link.click();
      setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
    } catch (e) {
      this.error.set(e as ApiError);
    } finally {
      this.exporting.set(false);
    }
  }
}
