import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { Gql } from '../../core/gql';
import type { ApiError } from '../../core/graphql-errors';
import { ConfirmDialog } from '../../shared/confirm-dialog';
import { ErrorMessage } from '../../shared/error-message';
import {
  CaptureThoughtDocument, CreateTaskDocument, DeleteThoughtDocument, ThoughtsDocument, UpdateThoughtDocument, type ThoughtFieldsFragment,
} from '../../graphql/generated';
import { splitThought } from './thought-text';

@Component({
  selector: 'mf-thoughts-page',
  imports: [FormsModule, RouterLink, ConfirmDialog, ErrorMessage],
  templateUrl: './thoughts-page.html',
  styles: `textarea { min-height: 5rem; } .tag-filter button[aria-pressed=true] { background: var(--accent); color: var(--accent-text); }
           .actions { flex-wrap: wrap; justify-content: flex-end; } .edit { flex: 1; } .edit textarea { width: 100%; }
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

  /** The thought being edited (its id), and its text as typed. */
  protected readonly editing = signal<string | null>(null);
  protected editText = '';
  /** The text of the thought just turned into a task (the page says so, with a link to the planner). */
  protected readonly madeTask = signal<string | null>(null);

  protected startEdit(thought: ThoughtFieldsFragment): void {
    this.editText = thought.text;
    this.editing.set(thought.id);
  }

  /** Saves the edited text (its #tags become the tags again); a change made elsewhere meanwhile is said, the text kept. */
  protected async saveEdit(thought: ThoughtFieldsFragment): Promise<void> {
    const { text, tags } = splitThought(this.editText);
    if (!text) return;
    this.saving.set(true);
    this.error.set(null);
    try {
      const { updateThought } = await this.gql.mutate(UpdateThoughtDocument, { id: thought.id, expectedVersion: thought.version, text, tags });
      this.editing.set(null);
      await this.thoughts.refetch({ consistentWith: updateThought.consistencyToken });
    } catch (e) {
      this.error.set(e as ApiError); // the edit stays open with what was typed
    } finally {
      this.saving.set(false);
    }
  }

  /** A thought that is really a to-do: a task for today with its text (the title's first 200 characters), then gone from here. */
  protected async makeTask(thought: ThoughtFieldsFragment): Promise<void> {
    this.saving.set(true);
    this.error.set(null);
    this.madeTask.set(null);
    try {
      const firstLine = thought.text.split('\n')[0]!.trim();
      const title = [...firstLine].slice(0, 200).join('');
      const description = thought.text === title ? null : thought.text;
      await this.gql.mutate(CreateTaskDocument, { input: { title, description, date: today() }, idempotencyKey: `thought-task-${thought.id}` });
      const { deleteThought } = await this.gql.mutate(DeleteThoughtDocument, { id: thought.id });
      this.madeTask.set(title);
      await this.thoughts.refetch({ consistentWith: deleteThought.consistencyToken });
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

/** Today in the user's time zone, as the API's Date. */
function today(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}
