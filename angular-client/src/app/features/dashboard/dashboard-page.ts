import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { Gql } from '../../core/gql';
import { isFeatureUnavailable } from '../../core/graphql-errors';
import { SessionStore } from '../../core/session-store';
import { ErrorMessage } from '../../shared/error-message';
import { DashboardDocument, JournalsDocument } from '../../graphql/generated';
import { addDays, today } from '../planner/calendar-dates';
import { moodLabel } from '../entries/moods';
import { MoodChart } from './mood-chart';

@Component({
  selector: 'mf-dashboard-page',
  imports: [RouterLink, ErrorMessage, MoodChart],
  templateUrl: './dashboard-page.html',
  styles: `.stat { font-size: 2rem; font-weight: 700; margin: 0; color: var(--accent); }`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DashboardPage {
  private readonly gql = inject(Gql);
  protected readonly session = inject(SessionStore);
  protected readonly dashboard = this.gql.watch(DashboardDocument, () => ({ from: addDays(today(), -29), to: today() }));
  /** Without the analytics read model (not deployed yet), the dashboard still shows the journals. */
  protected readonly unavailable = computed(() => { const e = this.dashboard.error(); return !!e && isFeatureUnavailable(e); });
  protected readonly journals = this.gql.watch(JournalsDocument, () => ({ first: 5 }));
  protected readonly moodLabel = moodLabel;
  protected percent(rate: number): string {
    return `${Math.round(rate * 100)}%`;
  }
}
