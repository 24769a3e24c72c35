import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { Gql } from '../../core/gql';
import type { ApiError } from '../../core/graphql-errors';
import { ErrorMessage } from '../../shared/error-message';
import { SearchDocument, SuggestDocument, type SearchKind, type SearchQuery } from '../../graphql/generated';
import { highlightSegments, markdownHighlightSegments } from './highlight';

type Result = SearchQuery['search']['edges'][number]['node'];
const kindLabels: Record<SearchKind, string> = { ENTRY: 'Entries', THOUGHT: 'Thoughts', TASK: 'Tasks' };
const typenameKind: Record<string, SearchKind> = { Entry: 'ENTRY', Thought: 'THOUGHT', Task: 'TASK' };

/** Search everything you own: suggestions as you type, results grouped by kind with highlights, kind filters. */
@Component({
  selector: 'mf-search-page',
  imports: [FormsModule, RouterLink, ErrorMessage],
  templateUrl: './search-page.html',
  styleUrl: './search-page.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SearchPage {
  private readonly gql = inject(Gql);
  protected readonly kinds: SearchKind[] = ['ENTRY', 'THOUGHT', 'TASK'];
  protected readonly kindLabels = kindLabels;
  protected readonly segments = highlightSegments;
  /** An entry's highlight is Markdown: shown as the text a reader sees. */
  protected readonly entrySegments = markdownHighlightSegments;
  protected text = '';
  protected readonly selectedKinds = signal<ReadonlySet<SearchKind>>(new Set(this.kinds));
  protected readonly suggestions = signal<string[]>([]);
  protected readonly activeSuggestion = signal(-1);
  protected readonly results = signal<Result[] | null>(null);
  protected readonly total = signal(0);
  protected readonly searching = signal(false);
  protected readonly error = signal<ApiError | null>(null);
  protected readonly groups = computed(() => {
    const results = this.results() ?? [];
    return this.kinds
      .map((kind) => ({ kind, results: results.filter((r) => typenameKind[r.hit.__typename] === kind) }))
      .filter((g) => g.results.length > 0);
  });
  private suggestTimer: ReturnType<typeof setTimeout> | undefined;
  private suggestSeq = 0;

  protected typed(value: string): void {
    this.text = value;
    this.activeSuggestion.set(-1);
    clearTimeout(this.suggestTimer);
    const prefix = value.trim();
    if (prefix.length < 2) {
      this.suggestions.set([]);
      return;
    }
    const seq = ++this.suggestSeq;
    this.suggestTimer = setTimeout(async () => {
      try {
        const { suggest } = await this.gql.query(SuggestDocument, { prefix }, { fresh: true });
        if (seq === this.suggestSeq) this.suggestions.set(suggest.slice(0, 8));
      } catch {
        this.suggestions.set([]); // suggestions are a nicety: a failure only hides them
      }
    }, 200);
  }

  protected keydown(event: KeyboardEvent): void {
    const count = this.suggestions().length;
    if (event.key === 'ArrowDown' && count) {
      event.preventDefault();
      this.activeSuggestion.set((this.activeSuggestion() + 1) % count);
    } else if (event.key === 'ArrowUp' && count) {
      event.preventDefault();
      this.activeSuggestion.set((this.activeSuggestion() - 1 + count) % count);
    } else if (event.key === 'Escape') {
      this.suggestions.set([]);
    } else if (event.key === 'Enter' && this.activeSuggestion() >= 0) {
      event.preventDefault();
      this.choose(this.suggestions()[this.activeSuggestion()]!);
    }
  }

  protected choose(suggestion: string): void {
    this.text = suggestion;
    void this.search();
  }

  protected toggleKind(kind: SearchKind): void {
    const next = new Set(this.selectedKinds());
    if (next.has(kind)) next.delete(kind);
    else next.add(kind);
    if (next.size === 0) return;
    this.selectedKinds.set(next);
    if (this.results()) void this.search();
  }

  protected async search(): Promise<void> {
    clearTimeout(this.suggestTimer);
    this.suggestSeq++;
    this.suggestions.set([]);
    const query = this.text.trim();
    if (!query) return;
    this.searching.set(true);
    this.error.set(null);
    try {
      const kinds = [...this.selectedKinds()];
      const { search } = await this.gql.query(SearchDocument, { query, kinds: kinds.length === 3 ? null : kinds, first: 30 }, { fresh: true });
      this.results.set(search.edges.map((e) => e.node));
      this.total.set(search.totalCount);
    } catch (e) {
      this.error.set(e as ApiError);
      this.results.set(null);
    } finally {
      this.searching.set(false);
    }
  }
}
