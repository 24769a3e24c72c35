import { Injectable, computed, inject, signal } from '@angular/core';
import { Apollo } from 'apollo-angular';
import {
  LoginDocument, LogoutDocument, RefreshSessionDocument, RegisterDocument, type SessionFragment,
} from '../graphql/generated';
import { AccessToken } from './access-token';
import { restartLiveConnection } from './apollo-setup';
import { apiError } from './graphql-errors';

export type SessionStatus = 'unknown' | 'signed-in' | 'signed-out';
export type SessionUser = SessionFragment['user'];

/** Renew this long before the access token expires. */
const REFRESH_AHEAD_MS = 60_000;

/**
 * Who is signed in. The access token lives in memory (AccessToken); the refresh token only in the httpOnly
 * cookie the identity service sets, so `restore` after a reload and `refresh` before expiry go through
 * `refreshSession` and never touch it.
 */
@Injectable({ providedIn: 'root' })
export class SessionStore {
  private readonly apollo = inject(Apollo);
  private readonly token = inject(AccessToken);
  private readonly userState = signal<SessionUser | null>(null);
  private readonly statusState = signal<SessionStatus>('unknown');
  private refreshing: Promise<boolean> | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;

  readonly user = this.userState.asReadonly();
  readonly status = this.statusState.asReadonly();
  readonly signedIn = computed(() => this.statusState() === 'signed-in');

  async register(email: string, password: string, name: string | null): Promise<void> {
    const result = await this.run(() => this.apollo.client.mutate({ mutation: RegisterDocument, variables: { email, password, name } }));
    this.start(result.data!.register);
  }

  async login(email: string, password: string): Promise<void> {
    const result = await this.run(() => this.apollo.client.mutate({ mutation: LoginDocument, variables: { email, password } }));
    this.start(result.data!.login);
  }

  /** After a reload: is there still a session behind the cookie? Resolves once known; never throws. */
  async restore(): Promise<boolean> {
    if (this.statusState() !== 'unknown') return this.signedIn();
    return this.refresh();
  }

  /** A new access token through the refresh cookie; false (signed out) when the session is gone. Shared by concurrent callers. */
  refresh(): Promise<boolean> {
    this.refreshing ??= (async () => {
      try {
        // One refresh at a time across tabs: the refresh token rotates, and presenting a spent one (two tabs
        // racing with the same cookie) would end the session (reuse detection).
        const refresh = () => this.apollo.client.mutate({ mutation: RefreshSessionDocument });
        const result = typeof navigator !== 'undefined' && navigator.locks
          ? await navigator.locks.request('mindflow-session-refresh', refresh)
          : await refresh();
        if (result.error || !result.data) throw result.error;
        this.start(result.data.refreshSession);
        return true;
      } catch {
        this.end();
        return false;
      } finally {
        this.refreshing = undefined;
      }
    })();
    return this.refreshing;
  }

  /**
   * Ends this session, or with `everywhere` every session of the user. Signed out here either way, except when
   * `everywhere` was not confirmed by the server: then it throws (an ApiError) and stays signed in, since the
   * other devices may still be.
   */
  async logout(everywhere = false): Promise<void> {
    try {
      await this.run(() => this.apollo.client.mutate({ mutation: LogoutDocument, variables: { everywhere }, context: { headers: this.token.header() } }));
    } catch (error) {
      if (everywhere) throw error;
      // signed out locally either way; the server session dies with its cookie or expires
    }
    this.end();
  }

  /** The server ended this tab's session (a password reset ends them all): signed out here too, nothing sent. */
  forget(): void {
    this.end();
  }

  private start(session: SessionFragment): void {
    const wasSignedIn = this.signedIn();
    this.token.value.set(session.accessToken);
    this.userState.set(session.user);
    this.statusState.set('signed-in');
    if (!wasSignedIn) restartLiveConnection();
    clearTimeout(this.timer);
    const delay = Math.max(5_000, Date.parse(session.expiresAt) - Date.now() - REFRESH_AHEAD_MS);
    this.timer = setTimeout(() => void this.refresh(), delay);
  }

  private end(): void {
    clearTimeout(this.timer);
    const wasSignedIn = this.signedIn();
    this.token.value.set(null);
    this.userState.set(null);
    this.statusState.set('signed-out');
    if (wasSignedIn) {
      restartLiveConnection();
      void this.apollo.client.clearStore();
    }
  }

  private async run<T extends { error?: unknown }>(call: () => Promise<T>): Promise<T> {
    try {
      const result = await call();
      if (result.error) throw result.error;
      return result;
    } catch (error) {
      throw apiError(error);
    }
  }
}
