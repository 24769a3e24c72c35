import { Injectable, computed, signal } from '@angular/core';

export type ConnectionState = 'online' | 'connecting' | 'reconnecting' | 'offline';

/** Longest wait between two attempts to reopen the live connection. */
const MAX_RETRY_WAIT_MS = 15_000;

/**
 * Whether the network and live updates work, from two sources kept apart: the browser's online/offline events
 * and the WebSocket client's open/closed events. Kept apart because a socket may outlive a short network drop
 * (then nothing reconnects, and "online" must follow from the browser alone), or close long after it.
 */
@Injectable({ providedIn: 'root' })
export class ConnectionStatus {
  private readonly browserOnline = signal(typeof navigator === 'undefined' || navigator.onLine !== false);
  private readonly socket = signal<'never' | 'open' | 'closed'>('never');
  private readonly backOnline = new Set<() => void>();

  /** The browser has a network (HTTP requests, saves, can go through). */
  readonly online = this.browserOnline.asReadonly();
  readonly state = computed<ConnectionState>(() => {
    if (!this.browserOnline()) return 'offline';
    switch (this.socket()) {
      case 'open': return 'online';
      case 'closed': return 'reconnecting';
      case 'never': return 'connecting';
    }
  });

  constructor() {
    if (typeof window === 'undefined') return;
    window.addEventListener('offline', () => this.browserOnline.set(false));
    window.addEventListener('online', () => {
      this.browserOnline.set(true);
      for (const wake of [...this.backOnline]) wake();
    });
  }

  connected(): void {
    this.socket.set('open');
  }

  lost(): void {
    this.socket.update((s) => (s === 'never' ? 'never' : 'closed'));
  }

  /**
   * How long the WebSocket client waits before its attempt number `retries` (graphql-ws `retryWait`): backoff
   * doubling from 1 s to at most 15 s with jitter — graphql-ws's own keeps doubling, so after a long drop it
   * would wait many minutes — and cut short the moment the browser is back online.
   */
  waitToRetry(retries: number, random = Math.random): Promise<void> {
    const ms = Math.min(1000 * 2 ** retries, MAX_RETRY_WAIT_MS) + Math.floor(random() * 1000);
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.backOnline.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.backOnline.add(done);
    });
  }
}
