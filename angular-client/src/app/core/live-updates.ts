import { Injectable, inject, signal } from '@angular/core';
import { Apollo } from 'apollo-angular';
import type { Subscription } from 'rxjs';
import {
  EntryChangedDocument, EntryInsightsDocument, InsightsReadyDocument, TaskChangedDocument, type EntryInsightsQuery,
  type InsightsFieldsFragment,
} from '../graphql/generated';
import { Gql } from './gql';

/**
 * Live updates over graphql-ws while signed in: changed entries and tasks land in the normalized cache (so every
 * screen showing them updates), creations and deletions re-read the lists on screen, and new insights are
 * written to their entry.
 */
@Injectable({ providedIn: 'root' })
export class LiveUpdates {
  private readonly apollo = inject(Apollo);
  private readonly gql = inject(Gql);
  private subscriptions: Subscription[] = [];
  private toastTimer: ReturnType<typeof setTimeout> | undefined;
  /** The newest insights that arrived live, for a toast. */
  readonly latestInsights = signal<InsightsFieldsFragment | null>(null);

  start(): void {
    if (this.subscriptions.length > 0) return;
    const client = this.apollo.client;
    this.subscriptions = [
      client.subscribe({ query: EntryChangedDocument }).subscribe({
        next: ({ data }) => {
          if (data && data.entryChanged.kind !== 'UPDATED') void this.gql.refetchActive();
        },
        error: () => undefined,
      }),
      client.subscribe({ query: TaskChangedDocument }).subscribe({
        next: ({ data }) => {
          if (data && data.taskChanged.kind !== 'UPDATED') void this.gql.refetchActive();
        },
        error: () => undefined,
      }),
      client.subscribe({ query: InsightsReadyDocument }).subscribe({
        next: ({ data }) => {
          if (!data) return;
          const insights = data.insightsReady;
          client.cache.writeQuery({
            query: EntryInsightsDocument,
            variables: { id: insights.entryId },
            // __typename lets the cache normalize the objects (the generated types leave it out)
            data: { entry: { __typename: 'Entry', id: insights.entryId, insights: { __typename: 'Insights', ...insights } } } as EntryInsightsQuery,
          });
          this.latestInsights.set(insights);
          clearTimeout(this.toastTimer);
          this.toastTimer = setTimeout(() => this.latestInsights.set(null), 10_000);
        },
        // a server without insights yet refuses the subscription: nothing to show, nothing to retry
        error: () => undefined,
      }),
    ];
  }

  stop(): void {
    for (const subscription of this.subscriptions) subscription.unsubscribe();
    this.subscriptions = [];
  }
}
