import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { Gql } from '../../core/gql';
import { ErrorMessage } from '../../shared/error-message';
import { JournalWithEntriesDocument } from '../../graphql/generated';
import { markdownToText } from '../../shared/markdown/markdown-text';
import { moodLabel } from '../entries/moods';
import { JournalExport } from './journal-export';

@Component({
  selector: 'mf-journal-page',
  imports: [RouterLink, ErrorMessage, JournalExport],
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
  protected readonly moodLabel = moodLabel;
  /** The start of an entry as the text a reader sees (its Markdown read, not shown): one line, cut by the list's CSS. */
  protected readonly excerpt = (content: string) => markdownToText(content.slice(0, 600));
}
