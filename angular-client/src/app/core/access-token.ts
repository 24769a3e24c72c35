import { Injectable, signal } from '@angular/core';

/**
 * The short-lived access token, in memory only (never in storage, where a script could read it). A reload
 * gets a new one through the refresh cookie (`SessionStore.restore`).
 */
@Injectable({ providedIn: 'root' })
export class AccessToken {
  readonly value = signal<string | null>(null);

  header(): Record<string, string> {
    const token = this.value();
    return token ? { authorization: `Bearer ${token}` } : {};
  }
}
