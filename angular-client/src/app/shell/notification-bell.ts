import {
  ChangeDetectionStrategy, Component, type ElementRef, Injector, type OnDestroy, type OnInit, afterNextRender, inject, signal, viewChild,
} from '@angular/core';
import { RouterLink } from '@angular/router';
import { NotificationCenter } from '../core/notification-center';
import { notificationTime, subjectLink } from '../features/notifications/notification-link';
import { ErrorMessage } from '../shared/error-message';

/**
 * The header's bell (issue 14): the unread count, live; it opens the notification list (title, body, time, a link
 * to what it is about), where one or all are marked read. Escape or the bell again closes it, focus back on the bell.
 */
@Component({
  selector: 'mf-notification-bell',
  imports: [RouterLink, ErrorMessage],
  template: `
    <button #bell type="button" class="secondary bell" [attr.aria-expanded]="open()" aria-controls="notification-panel"
            [attr.aria-label]="label()" (click)="toggle()">
      <span aria-hidden="true">🔔</span>
      @if (center.unread(); as n) { <span class="count" aria-hidden="true">{{ n > 99 ? '99+' : n }}</span> }
    </button>
    <p class="sr-only" role="status" aria-live="polite">@if (center.arrived(); as a) {New notification: {{ a.title }}}</p>
    @if (open()) {
      <section id="notification-panel" class="panel card" aria-labelledby="notification-panel-title">
        <div class="head">
          <h2 #heading id="notification-panel-title" tabindex="-1">Notifications</h2>
          <button type="button" class="link" [disabled]="!center.unread()" (click)="center.markAllRead()">Mark all read</button>
        </div>
        <mf-error-message [error]="center.error()" />
        @if (center.loading() && !center.items()) { <p class="muted" role="status">Loading…</p> }
        @if (center.items(); as items) {
          @if (items.length === 0) { <p class="muted">No notifications yet.</p> }
          <ul class="list" aria-label="Notifications">
            @for (n of items; track n.id) {
              <li class="item" [class.unread]="!n.readAt">
                <strong dir="auto">{{ n.title }}</strong>@if (!n.readAt) {<span class="sr-only"> (unread)</span>}
                @if (n.body) { <p class="body" dir="auto">{{ n.body }}</p> }
                <div class="meta">
                  <time [attr.datetime]="n.createdAt" class="muted">{{ time(n.createdAt) }}</time>
                  @if (link(n); as l) { <a [routerLink]="l.path" (click)="followed(n.id, !n.readAt)">{{ l.label }}</a> }
                  @if (!n.readAt) {
                    <button type="button" class="link" (click)="markRead(n.id)" [attr.aria-label]="'Mark read: ' + n.title">Mark read</button>
                  }
                </div>
              </li>
            }
          </ul>
          @if (center.hasMore()) {
            <button type="button" class="secondary more" [disabled]="center.loading()" (click)="center.loadMore()">{{ center.loading() ? 'Loading…' : 'Show older' }}</button>
          }
        }
      </section>
    }`,
  styles: `
    :host { position: relative; display: inline-block; }
    .bell { position: relative; padding-inline: .6rem; }
    .count { display: inline-block; min-width: 1.2rem; margin-inline-start: .25rem; padding: 0 .3rem; border-radius: 999px;
             background: var(--danger); color: var(--danger-bg); font-size: .75rem; font-weight: 700; line-height: 1.2rem; text-align: center; }
    .panel { position: absolute; right: 0; top: calc(100% + .4rem); width: min(380px, 94vw); max-height: 70vh; overflow-y: auto;
             z-index: 15; padding: .75rem; overflow-wrap: anywhere; text-align: start; }
    .head { display: flex; justify-content: space-between; align-items: baseline; gap: .5rem; }
    .head h2 { font-size: 1.05rem; margin: 0 0 .5rem; }
    .list { list-style: none; margin: 0; padding: 0; }
    .item { padding: .5rem 0; border-top: 1px solid var(--border); }
    .item.unread { border-inline-start: 3px solid var(--accent); padding-inline-start: .5rem; }
    .body { margin: .2rem 0; }
    .more { margin-top: .5rem; width: 100%; }
    .meta { display: flex; flex-wrap: wrap; gap: .3rem .8rem; font-size: .85rem; align-items: baseline; }
    /* on a phone the list opens under the whole (one-row) header, as wide as the screen allows; the bell stays in sight */
    @media (max-width: 720px) {
      :host { position: static; }
      .panel { position: absolute; left: .75rem; right: .75rem; top: calc(100% + .25rem); width: auto; margin-inline: auto; max-width: 380px; }
    }`,
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '(document:keydown.escape)': 'escape()' },
})
export class NotificationBell implements OnInit, OnDestroy {
  protected readonly center = inject(NotificationCenter);
  protected readonly open = signal(false);
  private readonly injector = inject(Injector);
  private readonly bell = viewChild.required<ElementRef<HTMLButtonElement>>('bell');
  private readonly heading = viewChild<ElementRef<HTMLElement>>('heading');
  protected readonly link = subjectLink;

  protected label(): string {
    const n = this.center.unread();
    return n ? `Notifications, ${n} unread` : 'Notifications';
  }

  protected time(at: string): string {
    return notificationTime(at);
  }

  ngOnInit(): void {
    this.center.start();
  }

  ngOnDestroy(): void {
    this.center.reset();
  }

  protected toggle(): void {
    if (this.open()) {
      this.close();
      return;
    }
    this.open.set(true);
    void this.center.load();
  }

  protected escape(): void {
    if (this.open()) this.close();
  }

  protected close(): void {
    this.open.set(false);
    this.bell().nativeElement.focus();
  }

  /** Its button goes with it: the keyboard is put on the list's heading, not left on the page's body. */
  protected async markRead(id: string): Promise<void> {
    await this.center.markRead(id);
    afterNextRender(() => this.heading()?.nativeElement.focus(), { injector: this.injector });
  }

  /** Following a link reads the notification and closes the list. */
  protected followed(id: string, unread: boolean): void {
    if (unread) void this.center.markRead(id);
    this.open.set(false);
  }
}
