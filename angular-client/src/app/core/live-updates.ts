import { Injectable, inject, signal } from '@angular/core';
import { Apollo } from 'apollo-angular';
import type { Subscription } from 'rxjs';
import type { ApolloCache, Reference } from '@apollo/client';
import { isReference } from '@apollo/client/utilities';
import {
  EntryChangedDocument, EntryInsightsDocument, InsightsReadyDocument, TaskChangedDocument, ThoughtChangedDocument, ThoughtFieldsFragmentDoc, type EntryInsightsQuery,
  type InsightsFieldsFragment, type ThoughtFieldsFragment,
} from '../graphql/generated';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { Gql } from './gql';
import { RemoteEntries } from './remote-entries';
import { SessionStore } from './session-store';

/**
 * Live updates over graphql-ws while signed in: changed entries, tasks and thoughts land in the normalized cache (so
 * every screen showing them updates), creations and deletions re-read the lists on screen (a deleted thought, also
 * one converted into an entry or a task, leaves the cached thought lists at once), and new insights are written to
 * their entry.
 */
@Injectable({ providedIn: 'root' })
export class LiveUpdates {
  private readonly apollo = inject(Apollo);
  private readonly gql = inject(Gql);
  private readonly session = inject(SessionStore);
  private readonly remoteEntries = inject(RemoteEntries);
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private retries = 0;
  private subscriptions: Subscription[] = [];
  private toastTimer: ReturnType<typeof setTimeout> | undefined;
  /** The newest insights that arrived live, for a toast. */
  readonly latestInsights = signal<InsightsFieldsFragment | null>(null);
  /**
   * Thoughts deleted live (the newest 200): a re-read the read side answers before it applied the deletion (the task a
   * thought became is announced once the read side has the task, maybe before the thought's deletion) lists them
   * again, so each re-read takes them out once more.
   */
  private readonly deletedThoughts = new Set<string>();

  /** Re-reads the queries on screen, then takes the thoughts deleted live out of what came back. */
  private async refetch(): Promise<void> {
    await this.gql.refetchActive();
    for (const id of this.deletedThoughts) withoutThought(this.apollo.client.cache, id);
  }

  start(): void {
    if (this.subscriptions.length > 0) return;
    const client = this.apollo.client;
    this.subscriptions = [
      client.subscribe({ query: EntryChangedDocument }).subscribe({
        next: ({ data }) => {
          this.retries = 0;
          if (!data) return;
          this.remoteEntries.arrived(data.entryChanged); // an open editor merges it
          if (data.entryChanged.kind !== 'UPDATED') void this.refetch();
        },
        error: (e: unknown) => this.failed(e),
      }),
      client.subscribe({ query: TaskChangedDocument }).subscribe({
        next: ({ data }) => {
          if (data && data.taskChanged.kind !== 'UPDATED') void this.refetch();
        },
        error: (e: unknown) => this.failed(e),
      }),
      client.subscribe({ query: ThoughtChangedDocument }).subscribe({
        next: ({ data }) => {
          if (!data) return;
          const { kind, thoughtId, thought } = data.thoughtChanged;
          // The thought as the read side has it after the change, into the normalized cache: every list showing it updates.
          if (thought) client.cache.writeFragment({ fragment: ThoughtFieldsFragmentDoc, data: { __typename: 'Thought', ...thought } as ThoughtFieldsFragment });
          // The gateway read the thought once the read side held the change: a re-read now lists the new one.
          if (kind === 'CREATED') void this.refetch();
          // Not re-read: a deletion is announced without waiting for the read side, which may still list it.
          else if (kind === 'DELETED') {
            this.deletedThoughts.add(thoughtId);
            if (this.deletedThoughts.size > 200) this.deletedThoughts.delete(this.deletedThoughts.values().next().value!);
            withoutThought(client.cache, thoughtId);
          }
        },
        error: (e: unknown) => this.failed(e),
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
        error: (e: unknown) => this.failed(e),
      }),
    ];
  }

  stop(): void {
    clearTimeout(this.retryTimer);
    for (const subscription of this.subscriptions) subscription.unsubscribe();
    this.subscriptions = [];
  }

  /**
   * A subscription ended with an error. The server refusing the operation (e.g. a field it does not serve yet) is
   * final; a closed socket is not: the gateway closes it (4401) when the access token it was opened with expires,
   * and graphql-ws does not retry that, so the subscriptions start again, with the current token, after a backoff.
   */
  private failed(error: unknown): void {
    if (CombinedGraphQLErrors.is(error) || !this.session.signedIn()) return;
    clearTimeout(this.retryTimer);
    const delay = Math.min(30_000, 1_000 * 2 ** this.retries++);
    this.retryTimer = setTimeout(() => {
      this.stop();
      if (this.session.signedIn()) this.start();
    }, delay);
  }
}

type CachedThoughts = { edges: readonly { node: Reference }[]; totalCount: number };

/** Takes a thought out of every cached `thoughts` list (each tag and page), as the read side will once it applies the deletion. */
export function withoutThought(cache: ApolloCache, thoughtId: string): void {
  cache.modify<{ thoughts: CachedThoughts }>({
    fields: {
      thoughts(existing, { readField }) {
        if (isReference(existing)) return existing;
        const edges = existing.edges.filter((edge) => readField('id', edge.node) !== thoughtId);
        return edges.length === existing.edges.length ? existing : { ...existing, edges, totalCount: existing.totalCount - 1 };
      },
    },
  });
}
