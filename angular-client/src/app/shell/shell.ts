import { ChangeDetectionStrategy, Component, inject, signal, type OnDestroy, type OnInit } from '@angular/core';
import { Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { ConnectionStatus } from '../core/connection-status';
import { LiveUpdates } from '../core/live-updates';
import { SessionStore } from '../core/session-store';
import { NotificationBell } from './notification-bell';
import { QuickCapture } from './quick-capture';
import { isQuickCaptureShortcut } from './shortcuts';

@Component({
  selector: 'mf-shell',
  imports: [RouterOutlet, RouterLink, RouterLinkActive, QuickCapture, NotificationBell],
  templateUrl: './shell.html',
  styleUrl: './shell.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '(document:keydown)': 'onKey($event)' },
})
export class Shell implements OnInit, OnDestroy {
  protected readonly session = inject(SessionStore);
  protected readonly connection = inject(ConnectionStatus);
  protected readonly live = inject(LiveUpdates);
  private readonly router = inject(Router);
  protected readonly capturing = signal(false);
  protected readonly menuOpen = signal(false);

  protected readonly links = [
    { path: '/', label: 'Dashboard', exact: true },
    { path: '/journals', label: 'Journals', exact: false },
    { path: '/thoughts', label: 'Thoughts', exact: false },
    { path: '/planner', label: 'Planner', exact: false },
    { path: '/search', label: 'Search', exact: false },
    { path: '/settings', label: 'Settings', exact: false },
  ];

  ngOnInit(): void {
    this.live.start();
  }

  ngOnDestroy(): void {
    this.live.stop();
  }

  protected onKey(event: KeyboardEvent): void {
    if (isQuickCaptureShortcut(event)) {
      event.preventDefault();
      this.capturing.set(true);
    }
  }

  protected async logout(): Promise<void> {
    this.live.stop();
    await this.session.logout();
    await this.router.navigateByUrl('/login');
  }
}
