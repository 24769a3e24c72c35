import { ChangeDetectionStrategy, Component, type ElementRef, Injector, afterNextRender, computed, inject, signal, viewChild } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { Gql } from '../../core/gql';
import { apiError, type ApiError } from '../../core/graphql-errors';
import {
  CreateWebhookDocument, DeleteWebhookDocument, WebhooksDocument, type NotificationKind, type WebhookFieldsFragment,
} from '../../graphql/generated';
import { ConfirmDialog } from '../../shared/confirm-dialog';
import { ErrorMessage } from '../../shared/error-message';
import { notificationKinds } from '../settings/notification-preferences-draft';

/** What a webhook URL must look like before it is sent (the server also refuses private addresses). */
export function webhookUrlProblem(url: string): string | null {
  const text = url.trim();
  if (!text) return null;
  try {
    const parsed = new URL(text);
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return 'A webhook URL starts with https:// (or http:// in development).';
    return null;
  } catch {
    return 'This is not a URL, e.g. https://example.com/hooks/mindflow.';
  }
}

/**
 * The caller's webhooks (issue 14): a new one (URL and kinds) shows its signing secret once, with a copy button;
 * the list says which were disabled after failing, and shows each one's latest deliveries; deleting asks first.
 */
@Component({
  selector: 'mf-webhooks-page',
  imports: [FormsModule, RouterLink, ConfirmDialog, ErrorMessage],
  templateUrl: './webhooks-page.html',
  styles: `
    fieldset { border: 0; padding: 0; margin: .5rem 0; min-width: 0; } legend { font-weight: 600; margin-bottom: .25rem; }
    .kinds { display: flex; flex-wrap: wrap; gap: 0 1rem; }
    .choice { display: flex; gap: .5rem; align-items: baseline; font-weight: 400; margin: .3rem 0; }
    .secret { border-color: var(--accent); }
    .secret code { display: block; padding: .5rem; background: var(--bg); border-radius: 6px; overflow-wrap: anywhere; user-select: all; }
    .hook { overflow-wrap: anywhere; }
    .hook h3 { font-size: 1rem; margin: 0 0 .25rem; }
    .badge { display: inline-block; border-radius: 999px; padding: 0 .5rem; font-size: .8rem; font-weight: 600; }
    .badge.off { background: var(--danger-bg); color: var(--danger); }
    .badge.on { background: var(--accent-soft); color: var(--accent); }
    .log { width: 100%; border-collapse: collapse; font-size: .85rem; }
    .log th, .log td { text-align: start; padding: .2rem .4rem; border-top: 1px solid var(--border); vertical-align: top; }
    .table-wrap { overflow-x: auto; }
    .failed { color: var(--danger); }
    .plain { list-style: none; padding: 0; margin: 0; }
    .small { font-size: .85rem; }`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class WebhooksPage {
  private readonly gql = inject(Gql);
  private readonly injector = inject(Injector);
  protected readonly kinds = notificationKinds;
  protected readonly webhooks = signal<readonly WebhookFieldsFragment[] | null>(null);
  protected readonly loadError = signal<ApiError | null>(null);

  protected readonly url = signal('');
  protected readonly chosen = signal<readonly NotificationKind[]>(['TASK_DUE']);
  protected readonly creating = signal(false);
  protected readonly createError = signal<ApiError | null>(null);
  protected readonly urlProblem = computed(() => webhookUrlProblem(this.url()) ?? (this.createError()?.field === 'url' ? this.createError()!.message : null));
  protected readonly canCreate = computed(() => !!this.url().trim() && !webhookUrlProblem(this.url()) && this.chosen().length > 0 && !this.creating());
  /** The secret of the webhook just created: shown until dismissed, never again. */
  protected readonly created = signal<{ url: string; secret: string } | null>(null);
  protected readonly copied = signal<'yes' | 'no' | null>(null);
  private readonly secretHeading = viewChild<ElementRef<HTMLElement>>('secretHeading');

  protected readonly deleting = signal<WebhookFieldsFragment | null>(null);
  protected readonly deleteError = signal<ApiError | null>(null);

  constructor() {
    void this.load();
  }

  protected kindsText(kinds: readonly NotificationKind[]): string {
    return kinds.map((kind) => this.kinds.find((k) => k.kind === kind)?.label ?? kind).join(', ');
  }

  protected setUrl(value: string): void {
    this.url.set(value);
    if (this.createError()?.field === 'url') this.createError.set(null);
  }

  protected toggleKind(kind: NotificationKind, on: boolean): void {
    this.chosen.update((kinds) => (on ? this.kinds.map((k) => k.kind).filter((k) => k === kind || kinds.includes(k)) : kinds.filter((k) => k !== kind)));
  }

  protected async create(event: Event): Promise<void> {
    event.preventDefault();
    if (!this.canCreate()) return;
    this.creating.set(true);
    this.createError.set(null);
    try {
      const { createWebhook } = await this.gql.mutate(CreateWebhookDocument, { url: this.url().trim(), kinds: [...this.chosen()] });
      this.webhooks.update((list) => [...(list ?? []), createWebhook.webhook]);
      this.created.set({ url: createWebhook.webhook.url, secret: createWebhook.secret });
      this.copied.set(null);
      this.url.set('');
      afterNextRender(() => this.secretHeading()?.nativeElement.focus(), { injector: this.injector }); // the keyboard goes to the secret
    } catch (e) {
      this.createError.set(apiError(e));
    } finally {
      this.creating.set(false);
    }
  }

  protected async copySecret(): Promise<void> {
    const secret = this.created()?.secret;
    if (!secret) return;
    try {
      await navigator.clipboard.writeText(secret);
      this.copied.set('yes');
    } catch {
      this.copied.set('no');
    }
  }

  protected async answeredDelete(confirmed: boolean): Promise<void> {
    const hook = this.deleting();
    this.deleting.set(null);
    if (!confirmed || !hook) return;
    this.deleteError.set(null);
    try {
      await this.gql.mutate(DeleteWebhookDocument, { id: hook.id });
      this.webhooks.update((list) => list?.filter((w) => w.id !== hook.id) ?? null);
    } catch (e) {
      this.deleteError.set(apiError(e));
    }
  }

  protected time(at: string): string {
    return new Date(at).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
  }

  protected async load(): Promise<void> {
    this.loadError.set(null);
    try {
      const { webhooks } = await this.gql.query(WebhooksDocument, {}, { fresh: true });
      this.webhooks.set(webhooks);
    } catch (e) {
      this.loadError.set(apiError(e));
    }
  }
}
