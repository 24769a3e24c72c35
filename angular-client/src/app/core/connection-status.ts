import { Injectable, signal } from '@angular/core';

export type ConnectionState = 'online' | 'connecting' | 'reconnecting' | 'offline';

/** Whether live updates flow: fed by the WebSocket client's events and the browser's online/offline events. */
@Injectable({ providedIn: 'root' })
export class ConnectionStatus {
  readonly state = signal<ConnectionState>('connecting');
  private everConnected = false;

  constructor() {
    if (typeof window === 'undefined') return;
    window.addEventListener('offline', () => this.state.set('offline'));
    // back online: the WebSocket client reconnects by itself and reports `connected`
    window.addEventListener('online', () => this.state() === 'offline' && this.state.set('reconnecting'));
  }

  connected(): void {
    this.everConnected = true;
    this.state.set('online');
  }

  lost(): void {
    this.state.set(typeof navigator !== 'undefined' && navigator.onLine === false ? 'offline' : this.everConnected ? 'reconnecting' : 'connecting');
  }
}
