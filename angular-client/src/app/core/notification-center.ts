import { Injectable, inject, signal } from '@angular/core';
import { Apollo } from 'apollo-angular';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import type { Subscription } from 'rxjs';
import {
  MarkNotificationsReadDocument, NotificationReceivedDocument, NotificationsDocument, UnreadNotificationsDocument,
  type NotificationFieldsFragment,
} from '../graphql/generated';
import { Gql } from './gql';
import { apiError, type ApiError } from './graphql-errors';
import { SessionStore } from './session-store';

/**
 * The notification centre behind the header's bell (issue 14): the unread count (`me.unreadNotifications`), the
 * latest notifications, and `notificationReceived` over graphql-ws, which adds a new one to both at once. Marking
 * read (one or all) answers with how many were unread; the count follows that answer.
 */
@Injectable({ providedIn: 'root' })
export class NotificationCenter {
  private readonly apollo = inject(Apollo);
  private readonly gql = inject(Gql);
  private readonly session = inject(SessionStore);
  private subscription: Subscription | undefined;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private retries = 0;

  /** null until the server has answered (or when it has no notifications). */
  readonly unread = signal<number | null>(null);
  /** The newest notifications, newest first; null until loaded. */
  readonly items = signal<readonly NotificationFieldsFragment[] | null>(null);
  readonly hasMore = signal(false);
  private endCursor: string | null = null;
  readonly loading = signal(false);
  readonly error = signal<ApiError | null>(null);
  /** The newest notification that arrived live (for a screen reader announcement). */
  readonly arrived = signal<NotificationFieldsFragment | null>(null);

  /** Reads the unread count and follows new notifications live. */
  start(): void {
    if (this.subscription) return;
    void this.refreshCount();
    this.subscription = this.apollo.client.subscribe({ query: NotificationReceivedDocument }).subscribe({
      next: ({ data }) => {
        this.retries = 0;
        if (data) this.received(data.notificationReceived);
      },
      error: (e: unknown) => this.failed(e),
    });
  }

  stop(): void {
    clearTimeout(this.retryTimer);
    this.subscription?.unsubscribe();
    this.subscription = undefined;
  }

  /** Signed out (the shell goes): nothing of this user is kept for the next one. */
  reset(): void {
    this.stop();
    this.unread.set(null);
    this.items.set(null);
    this.hasMore.set(false);
    this.error.set(null);
    this.arrived.set(null);
  }

  async refreshCount(): Promise<void> {
    try {
      const { me } = await this.gql.query(UnreadNotificationsDocument, {}, { fresh: true });
      this.unread.set(me?.unreadNotifications ?? null);
    } catch {
      // the bell stays without a count (e.g. a server without notifications yet)
    }
  }

  /** The newest 20 (the panel was opened). */
  async load(): Promise<void> {
    this.loading.set(true);
    this.error.set(null);
    try {
      const { notifications } = await this.gql.query(NotificationsDocument, { first: 20 }, { fresh: true });
      this.items.set(notifications.edges.map((e) => e.node));
      this.hasMore.set(notifications.pageInfo.hasNextPage);
      this.endCursor = notifications.pageInfo.endCursor;
      void this.refreshCount();
    } catch (e) {
      this.error.set(apiError(e));
    } finally {
      this.loading.set(false);
    }
  }

  /** The next 20, older ones, after those listed. */
  async loadMore(): Promise<void> {
    if (!this.hasMore() || this.loading()) return;
    this.loading.set(true);
    this.error.set(null);
    try {
      const { notifications } = await this.gql.query(NotificationsDocument, { first: 20, after: this.endCursor }, { fresh: true });
      const listed = new Set(this.items()?.map((n) => n.id));
      this.items.update((items) => [...(items ?? []), ...notifications.edges.map((e) => e.node).filter((n) => !listed.has(n.id))]);
      this.hasMore.set(notifications.pageInfo.hasNextPage);
      this.endCursor = notifications.pageInfo.endCursor;
    } catch (e) {
      this.error.set(apiError(e));
    } finally {
      this.loading.set(false);
    }
  }

  async markRead(id: string): Promise<void> {
    await this.mark({ ids: [id] }, (n) => n.id === id);
  }

  async markAllRead(): Promise<void> {
    await this.mark({ all: true }, () => true);
  }

  /** A notification pushed live: on top of the list, and counted while unread. */
  received(notification: NotificationFieldsFragment): void {
    const items = this.items();
    if (items?.some((n) => n.id === notification.id)) return; // delivered twice (a reconnect)
    if (items) this.items.set([notification, ...items]);
    if (!notification.readAt) this.unread.update((n) => (n ?? 0) + 1);
    this.arrived.set(notification);
  }

  private async mark(variables: { ids?: string[]; all?: boolean }, which: (n: NotificationFieldsFragment) => boolean): Promise<void> {
    this.error.set(null);
    try {
      const { markNotificationsRead } = await this.gql.mutate(MarkNotificationsReadDocument, variables);
      const now = new Date().toISOString();
      this.items.update((items) => items?.map((n) => (!n.readAt && which(n) ? { ...n, readAt: now } : n)) ?? null);
      this.unread.update((n) => (variables.all ? 0 : Math.max(0, (n ?? 0) - markNotificationsRead)));
    } catch (e) {
      this.error.set(apiError(e));
    }
  }

  /** As LiveUpdates: a refusal is final, a closed socket (an expired token) starts again after a backoff. */
  private failed(error: unknown): void {
    this.subscription = undefined;
    if (CombinedGraphQLErrors.is(error) || !this.session.signedIn()) return;
    clearTimeout(this.retryTimer);
    const delay = Math.min(30_000, 1_000 * 2 ** this.retries++);
    this.retryTimer = setTimeout(() => {
      this.stop();
      if (this.session.signedIn()) this.start();
    }, delay);
  }
}
