import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import { Gql } from '../../core/gql';
import type { ApiError } from '../../core/graphql-errors';
import { ErrorMessage } from '../../shared/error-message';
import { SearchDocument, SuggestDocument, type Mood, type SearchKind, type SearchQuery } from '../../graphql/generated';
import { moods } from '../entries/moods';
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
  private readonly router = inject(Router);
  /** The search as the address holds it (`/search?q=…&tag=…&mood=…&from=…&to=…`): a link or a reload runs it again. */
  readonly q = input<string | undefined>(undefined);
  readonly tag = input<string | undefined>(undefined);
  readonly mood = input<string | undefined>(undefined);
  readonly from = input<string | undefined>(undefined);
  readonly to = input<string | undefined>(undefined);
  protected readonly moods = moods;
  /** The API's filters (Query.search tags, mood, from, to); empty: not filtered. */
  protected filters = { tag: '', mood: '', from: '', to: '' };
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

  constructor() {
    // the address changed (a link, back/forward, a reload): show and run the search it holds
    effect(() => {
      const q = this.q()?.trim() ?? '';
      const filters = { tag: this.tag() ?? '', mood: this.mood() ?? '', from: this.from() ?? '', to: this.to() ?? '' };
      untracked(() => {
        if (searchKey(q, filters) === this.shown) return;
        this.filters = filters;
        this.text = q;
        if (q) void this.run(q);
      });
    });
  }
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

  /** Puts the search in the address (which runs it, above): it can be shared, bookmarked, reloaded, gone back to. */
  protected async search(): Promise<void> {
    clearTimeout(this.suggestTimer);
    this.suggestSeq++;
    this.suggestions.set([]);
    const q = this.text.trim();
    if (!q) return;
    const { tag, mood, from, to } = this.filters;
    const queryParams = { q, tag: tag.trim() || null, mood: mood || null, from: from || null, to: to || null };
    this.shown = searchKey(q, this.filters);
    void this.router.navigate([], { queryParams }).catch(() => false); // (the search runs either way)
    await this.run(q);
  }

  /** The search on screen (query and filters), so the address catching up with it does not run it twice. */
  private shown = '';

  private async run(query: string): Promise<void> {
    this.shown = searchKey(query, this.filters);
    this.searching.set(true);
    this.error.set(null);
    try {
      const kinds = [...this.selectedKinds()];
      const { tag, mood, from, to } = this.filters;
      const tags = tag.trim() ? [tag.trim().replace(/^#/, '').toLowerCase()] : null;
      const knownMood = moods.some((m) => m.value === mood) ? (mood as Mood) : null;
      const { search } = await this.gql.query(SearchDocument, {
        query, kinds: kinds.length === 3 ? null : kinds, first: 30,
        ...(tags ? { tags } : {}), ...(knownMood ? { mood: knownMood } : {}), ...(from ? { from } : {}), ...(to ? { to } : {}),
      }, { fresh: true });
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

function searchKey(query: string, filters: { tag: string; mood: string; from: string; to: string }): string {
  return JSON.stringify([query, filters.tag.trim(), filters.mood, filters.from, filters.to]);
}
