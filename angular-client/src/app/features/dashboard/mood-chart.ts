import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { Mood } from '../../graphql/generated';
import { moodScore } from '../entries/moods';

export interface TrendPoint {
  readonly date: string;
  readonly mood: Mood | null;
  readonly averageSentiment: number | null;
  readonly entryCount: number;
}

export interface PlottedPoint {
  readonly x: number;
  readonly y: number;
  readonly date: string;
  readonly value: number;
}

/** Days with entries as points of a `width`×`height` chart: x by position in the series, y by score (-1 bottom, 1 top). */
export function plotTrend(points: readonly TrendPoint[], width: number, height: number): PlottedPoint[] {
  const span = Math.max(points.length - 1, 1);
  return points.flatMap((p, i) => {
    const value = p.averageSentiment ?? moodScore(p.mood);
    if (value === null || p.entryCount === 0) return [];
    const clamped = Math.max(-1, Math.min(1, value));
    return [{ x: Math.round((i / span) * width * 10) / 10, y: Math.round(((1 - clamped) / 2) * height * 10) / 10, date: p.date, value: clamped }];
  });
}

/** Mood over the last days as an SVG line, with a text summary for screen readers. */
@Component({
  selector: 'mf-mood-chart',
  template: `
    @if (plotted().length > 0) {
      <svg [attr.viewBox]="'-6 -6 ' + (width + 12) + ' ' + (height + 12)" role="img" [attr.aria-label]="summary()" class="chart">
        <line x1="0" [attr.x2]="width" [attr.y1]="height / 2" [attr.y2]="height / 2" class="axis" />
        <polyline [attr.points]="line()" class="line" />
        @for (p of plotted(); track p.date) {
          <circle [attr.cx]="p.x" [attr.cy]="p.y" r="3.5" class="dot"><title>{{ p.date }}: {{ p.value.toFixed(2) }}</title></circle>
        }
      </svg>
    } @else {
      <p class="muted">Write entries with a mood to see your trend.</p>
    }`,
  styles: `.chart { width: 100%; height: auto; } .axis { stroke: var(--border); stroke-dasharray: 4 4; }
           .line { fill: none; stroke: var(--accent); stroke-width: 2; } .dot { fill: var(--accent); }`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MoodChart {
  readonly points = input.required<readonly TrendPoint[]>();
  protected readonly width = 300;
  protected readonly height = 80;
  protected readonly plotted = computed(() => plotTrend(this.points(), this.width, this.height));
  protected readonly line = computed(() => this.plotted().map((p) => `${p.x},${p.y}`).join(' '));
  protected readonly summary = computed(() => {
    const values = this.plotted().map((p) => p.value);
    const average = values.reduce((a, b) => a + b, 0) / Math.max(values.length, 1);
    return `Mood trend over ${this.points().length} days: ${values.length} days with entries, average ${average.toFixed(2)} on a scale from -1 to 1.`;
  });
}
