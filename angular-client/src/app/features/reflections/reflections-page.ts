import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { Gql } from '../../core/gql';
import { apiError, type ApiError } from '../../core/graphql-errors';
import { GenerateWeeklyReflectionDocument, WeeklyReflectionsDocument, type WeeklyReflectionFieldsFragment } from '../../graphql/generated';
import { ErrorMessage } from '../../shared/error-message';
import { ReflectionView } from './reflection-view';
import { weekLabel, weekStartOf } from './week';

/**
 * Weekly reflections (issue 14): the list, newest week first, and "this week's" generated on demand (the server
 * makes one per week: asking again gives the same one). With an id (`/reflections/:id`) it shows that one.
 */
@Component({
  selector: 'mf-reflections-page',
  imports: [RouterLink, ErrorMessage, ReflectionView],
  template: `
    <div class="page">
      @if (id()) {
        <p><a routerLink="/reflections">← All weekly reflections</a></p>
        <h1>Weekly reflection</h1>
        @if (selected(); as r) { <mf-reflection-view [reflection]="r" /> }
        @else if (list() && !loadError()) { <p class="alert" role="alert">This reflection does not exist or was deleted.</p> }
      } @else {
        <h1>Weekly reflections</h1>
        <p class="muted">A look back at each week of your journal: what it was about, how it felt, and the entries worth rereading.</p>
        <div class="row">
          <button type="button" (click)="generate()" [disabled]="generating()">{{ generating() ? 'Writing this week’s…' : 'Generate this week’s' }}</button>
          @if (generatedNote()) { <span class="muted" role="status">{{ generatedNote() }}</span> }
        </div>
        <mf-error-message [error]="generateError()" />
        @if (list(); as items) {
          @if (items.length === 0) { <p class="muted">No reflections yet.</p> }
          <ul class="plain">
            @for (r of items; track r.id) {
              <li class="card item">
                <a [routerLink]="['/reflections', r.id]"><strong>{{ week(r.weekStart) }}</strong></a>
                <span class="muted"> · {{ r.entryCount }} {{ r.entryCount === 1 ? 'entry' : 'entries' }}</span>
                <p class="excerpt" dir="auto">{{ r.summary }}</p>
              </li>
            }
          </ul>
        }
      }
      @if (!list() && !loadError()) { <p class="muted" role="status">Loading…</p> }
      <mf-error-message [error]="loadError()" />
    </div>`,
  styles: `
    .plain { list-style: none; padding: 0; margin: 1rem 0 0; }
    .item { overflow-wrap: anywhere; }
    .excerpt { margin: .3rem 0 0; display: -webkit-box; -webkit-line-clamp: 3; -webkit-box-orient: vertical; overflow: hidden; }`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReflectionsPage {
  private readonly gql = inject(Gql);
  /** The route's :id (component input binding), absent on the list. */
  readonly id = input<string | undefined>(undefined);
  protected readonly list = signal<readonly WeeklyReflectionFieldsFragment[] | null>(null);
  protected readonly loadError = signal<ApiError | null>(null);
  protected readonly generating = signal(false);
  protected readonly generateError = signal<ApiError | null>(null);
  protected readonly generatedNote = signal('');
  protected readonly selected = computed(() => this.list()?.find((r) => r.id === this.id()) ?? null);
  protected readonly week = weekLabel;

  constructor() {
    void this.load();
  }

  protected async generate(): Promise<void> {
    this.generating.set(true);
    this.generateError.set(null);
    this.generatedNote.set('');
    try {
      const { generateWeeklyReflection: r } = await this.gql.mutate(GenerateWeeklyReflectionDocument, { weekStart: weekStartOf(new Date()) });
      this.list.update((items) => [r, ...(items ?? []).filter((x) => x.id !== r.id)]);
      this.generatedNote.set(`${weekLabel(r.weekStart)} is ready.`);
    } catch (e) {
      this.generateError.set(apiError(e));
    } finally {
      this.generating.set(false);
    }
  }

  private async load(): Promise<void> {
    try {
      const { weeklyReflections } = await this.gql.query(WeeklyReflectionsDocument, { first: 50 }, { fresh: true });
      this.list.set(weeklyReflections.edges.map((e) => e.node));
    } catch (e) {
      this.loadError.set(apiError(e));
    }
  }
}
