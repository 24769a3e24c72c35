import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { Gql } from '../../core/gql';
import type { ApiError } from '../../core/graphql-errors';
import { ConfirmDialog } from '../../shared/confirm-dialog';
import { ErrorMessage } from '../../shared/error-message';
import { CaptureThoughtDocument, DeleteThoughtDocument, ThoughtsDocument, type ThoughtFieldsFragment } from '../../graphql/generated';
import { splitThought } from './thought-text';

@Component({
  selector: 'mf-thoughts-page',
  imports: [FormsModule, ConfirmDialog, ErrorMessage],
  templateUrl: './thoughts-page.html',
  styles: `textarea { min-height: 5rem; } .tag-filter button[aria-pressed=true] { background: var(--accent); color: var(--accent-text); }
           .tag-filter button { min-height: auto; padding: .15rem .6rem; border-radius: 999px; background: var(--accent-soft); color: var(--accent); border-color: transparent; }`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ThoughtsPage {
  private readonly gql = inject(Gql);
  protected readonly tag = signal<string | null>(null);
  protected readonly thoughts = this.gql.watch(ThoughtsDocument, () => ({ first: 50, tag: this.tag() }));
  protected readonly list = computed(() => this.thoughts.data()?.thoughts.edges.map((e) => e.node) ?? []);
  /** Tags seen so far (the filter keeps them while it narrows the list). */
  private readonly seenTags = signal<readonly string[]>([]);
  protected readonly tags = computed(() => {
    const all = new Set([...this.seenTags(), ...this.list().flatMap((t) => t.tags)]);
    return [...all].sort();
  });
  protected readonly error = signal<ApiError | null>(null);
  protected readonly saving = signal(false);
  protected readonly deleting = signal<ThoughtFieldsFragment | null>(null);
  protected draft = '';

  protected filter(tag: string | null): void {
    this.seenTags.set(this.tags());
    this.tag.set(this.tag() === tag ? null : tag);
  }

  protected async capture(): Promise<void> {
    const { text, tags } = splitThought(this.draft);
    if (!text) return;
    this.saving.set(true);
    this.error.set(null);
    try {
      const { captureThought } = await this.gql.mutate(CaptureThoughtDocument, { text, tags, idempotencyKey: crypto.randomUUID() });
      this.draft = '';
      await this.thoughts.refetch({ consistentWith: captureThought.consistencyToken });
    } catch (e) {
      this.error.set(e as ApiError);
    } finally {
      this.saving.set(false);
    }
  }

  protected async confirmDelete(confirmed: boolean): Promise<void> {
    const thought = this.deleting();
    this.deleting.set(null);
    if (!confirmed || !thought) return;
    try {
      const { deleteThought } = await this.gql.mutate(DeleteThoughtDocument, { id: thought.id });
      await this.thoughts.refetch({ consistentWith: deleteThought.consistencyToken });
    } catch (e) {
      this.error.set(e as ApiError);
    }
  }
}
