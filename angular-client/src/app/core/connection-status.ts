import { Injectable, signal } from '@angular/core';

export type ConnectionState = 'online' | 'connecting' | 'reconnecting' | 'offline';

/** Whether live updates flow: fed by the WebSocket client's events and the browser's online/offline events. */
@Injectable({ providedIn: 'root' })
export class ConnectionStatus {
  readonly state = signal<ConnectionState>('connecting');
  private everConnected = false;

  connected(): void {
    this.everConnected = true;
    this.state.set('online');
  }

  lost(): void {
    this.state.set(typeof navigator !== 'undefined' && navigator.onLine === false ? 'offline' : this.everConnected ? 'reconnecting' : 'connecting');
  }
}
