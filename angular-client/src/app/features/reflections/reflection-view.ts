import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { WeeklyReflectionFieldsFragment } from '../../graphql/generated';
import { MoodChart } from '../dashboard/mood-chart';
import { moodLabel } from '../entries/moods';
import { weekLabel } from './week';

/** One weekly reflection: summary, themes, the mood of its days, and the entries worth rereading. */
@Component({
  selector: 'mf-reflection-view',
  imports: [RouterLink, MoodChart],
  template: `
    @let r = reflection();
    <article class="card" [attr.aria-labelledby]="'reflection-' + r.id">
      <h2 [id]="'reflection-' + r.id">{{ week(r.weekStart) }}</h2>
      <p class="muted small">{{ r.entryCount }} {{ r.entryCount === 1 ? 'entry' : 'entries' }} · written {{ date(r.generatedAt) }}</p>
      <p dir="auto">{{ r.summary }}</p>
      @if (r.themes.length > 0) {
        <h3>Themes</h3>
        <ul class="chips" aria-label="Themes">@for (t of r.themes; track t) { <li dir="auto">{{ t }}</li> }</ul>
      }
      @if (r.moodTrend.length > 0) {
        <h3>Mood</h3>
        <mf-mood-chart [points]="r.moodTrend" />
        <ul class="days">
          @for (p of r.moodTrend; track p.date) {
            <li><span>{{ day(p.date) }}</span>: @if (p.mood) { {{ mood(p.mood) }} } @else { <span class="muted">no mood</span> }
              <span class="muted">({{ p.entryCount }} {{ p.entryCount === 1 ? 'entry' : 'entries' }})</span></li>
          }
        </ul>
      }
      @if (r.highlights.length > 0) {
        <h3>Worth rereading</h3>
        <ul>@for (e of r.highlights; track e.id) { <li><a [routerLink]="['/entries', e.id]" dir="auto">{{ e.title || 'Untitled entry' }}</a></li> }</ul>
      }
    </article>`,
  styles: `
    h3 { font-size: 1rem; margin: .75rem 0 .3rem; }
    .chips { display: flex; flex-wrap: wrap; gap: .3rem; list-style: none; padding: 0; margin: 0; }
    .chips li { background: var(--accent-soft); color: var(--accent); border-radius: 999px; padding: .1rem .6rem; font-size: .9rem; }
    .days { list-style: none; padding: 0; margin: .3rem 0; font-size: .9rem; }
    .small { font-size: .85rem; }
    article { overflow-wrap: anywhere; }`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReflectionView {
  readonly reflection = input.required<WeeklyReflectionFieldsFragment>();
  protected readonly week = weekLabel;
  protected readonly mood = moodLabel;

  protected date(at: string): string {
    return new Date(at).toLocaleDateString(undefined, { dateStyle: 'medium' });
  }

  protected day(date: string): string {
    const [y, m, d] = date.split('-').map(Number);
    return new Date(y!, m! - 1, d!).toLocaleDateString(undefined, { weekday: 'short', day: 'numeric', month: 'short' });
  }
}
