import { DestroyRef, Injectable, computed, effect, inject, signal, untracked, type Signal } from '@angular/core';
import { Apollo } from 'apollo-angular';
import type { OperationVariables, TypedDocumentNode } from '@apollo/client';
import { apiError, type ApiError } from './graphql-errors';
import { catchUpPause } from './read-your-writes';
import { SessionStore } from './session-store';

export interface ReadOptions {
  /** A mutation's consistencyToken: the read waits until the read side has applied that write. */
  readonly consistentWith?: string | undefined;
  readonly fresh?: boolean;
}

export interface QueryState<T> {
  readonly data: Signal<T | undefined>;
  readonly loading: Signal<boolean>;
  readonly error: Signal<ApiError | undefined>;
  refetch(options?: ReadOptions): Promise<void>;
}

/**
 * The app's one way to speak GraphQL: typed documents (generated), Apollo's normalized cache, errors as
 * `ApiError` values, and one silent refresh + retry when the access token has expired.
 */
@Injectable({ providedIn: 'root' })
export class Gql {
  private readonly apollo = inject(Apollo);
  private readonly session = inject(SessionStore);

  async mutate<T, V extends OperationVariables>(mutation: TypedDocumentNode<T, V>, variables: V): Promise<T> {
    return this.withRefresh(async () => {
      const result = await this.apollo.client.mutate({ mutation, variables });
      if (result.error) throw result.error;
      return result.data as T;
    });
  }

  async query<T, V extends OperationVariables>(query: TypedDocumentNode<T, V>, variables: V, options: ReadOptions = {}): Promise<T> {
    const read = (consistentWith: string | undefined) => this.withRefresh(async () => {
      const result = await this.apollo.client.query({
        query,
        variables,
        fetchPolicy: options.fresh || consistentWith ? 'network-only' : 'cache-first',
        context: consistentWith ? { headers: { 'x-consistent-with': consistentWith } } : {},
      });
      if (result.error) throw result.error;
      return result.data as T;
    });
    for (let attempt = 0; ; attempt++) {
      try {
        return await read(options.consistentWith);
      } catch (error) {
        const pause = catchUpPause(error as ApiError, attempt);
        if (pause === undefined) {
          // waited long enough for the write: what the read side has now (the write arrives live later)
          if ((error as ApiError).code === 'CONSISTENCY_TIMEOUT') return read(undefined);
          throw error;
        }
        await new Promise((resolve) => setTimeout(resolve, pause));
      }
    }
  }

  /**
   * A query bound to a component: re-runs when `variables()` changes (undefined: not yet), answers from the
   * cache first and then the network, and follows cache updates (subscriptions, mutations) live.
   */
  watch<T, V extends OperationVariables>(query: TypedDocumentNode<T, V>, variables: () => V | undefined): QueryState<T> {
    const data = signal<T | undefined>(undefined);
    const loading = signal(true);
    const error = signal<ApiError | undefined>(undefined);
    let current: { refetch(): Promise<unknown>; unsubscribe(): void } | undefined;
    /** The variables of the query running now (as JSON). */
    let running: string | undefined;
    const destroyRef = inject(DestroyRef);
    /** The next attempt of a read that came before its write reached the read side (read-your-writes.ts). */
    let catchUp: ReturnType<typeof setTimeout> | undefined;
    const start = (vars: V, options: ReadOptions = {}, attempt = 0) => {
      clearTimeout(catchUp);
      current?.unsubscribe();
      running = JSON.stringify(vars);
      loading.set(true);
      error.set(undefined);
      const observable = this.apollo.client.watchQuery({
        query,
        variables: vars,
        fetchPolicy: options.consistentWith || options.fresh ? 'network-only' : 'cache-and-network',
        nextFetchPolicy: 'cache-first',
        context: options.consistentWith ? { headers: { 'x-consistent-with': options.consistentWith } } : {},
        notifyOnNetworkStatusChange: false,
      });
      /** A read that came before its write reached the read side: still loading, asked again (true), or not that. */
      const awaitWrite = (problem: ApiError): boolean => {
        if (problem.code !== 'CONSISTENCY_TIMEOUT' || !options.consistentWith) return false;
        const pause = catchUpPause(problem, attempt);
        // the write is saved, the read side is behind: ask again after a pause; after the last, show what the read
        // side has now (live updates bring the write when it lands)
        if (pause === undefined) start(vars, { fresh: true });
        else catchUp = setTimeout(() => start(vars, options, attempt + 1), pause);
        return true;
      };
      const subscription = observable.subscribe({
        next: (result) => {
          if (result.error) {
            const problem = apiError(result.error);
            if (problem.code === 'UNAUTHENTICATED') void this.session.refresh().then((ok) => ok && start(vars, options, attempt));
            else if (awaitWrite(problem)) return;
            else error.set(problem);
          } else error.set(undefined);
          if (result.data && result.dataState === 'complete') data.set(result.data as T);
          loading.set(result.loading);
        },
        error: (e: unknown) => {
          const problem = apiError(e);
          if (awaitWrite(problem)) return;
          error.set(problem);
          loading.set(false);
        },
      });
      current = { refetch: () => observable.refetch(), unsubscribe: () => subscription.unsubscribe() };
    };
    // Variables equal to the running query's do not start it again: a refetch made consistent with a write (for
    // the variables as they are now, below) would otherwise be replaced by a read that need not see that write.
    effect(() => {
      const vars = variables();
      if (vars !== undefined && JSON.stringify(vars) !== running) start(vars);
    });
    destroyRef.onDestroy(() => {
      clearTimeout(catchUp);
      current?.unsubscribe();
    });
    return {
      data: computed(() => data()),
      loading: computed(() => loading()),
      error: computed(() => error()),
      refetch: async (options = {}) => {
        const vars = untracked(variables);
        if (vars === undefined) return;
        if (options.consistentWith || options.fresh || JSON.stringify(vars) !== running) start(vars, options);
        else await current?.refetch().catch(() => undefined);
      },
    };
  }

  /** Re-reads every query on screen (after a change made elsewhere, e.g. another tab). */
  async refetchActive(): Promise<void> {
    await this.apollo.client.refetchQueries({ include: 'active' }).catch(() => undefined);
  }

  private async withRefresh<T>(run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      const problem = apiError(error);
      if (problem.code === 'UNAUTHENTICATED' && (await this.session.refresh())) {
        try {
          return await run();
        } catch (again) {
          throw apiError(again);
        }
      }
      throw problem;
    }
  }
}
