import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import { Gql } from '../../core/gql';
import { describeError, type ApiError } from '../../core/graphql-errors';
import { ConfirmDialog } from '../../shared/confirm-dialog';
import { ErrorMessage } from '../../shared/error-message';
import { AttachmentPanel } from '../attachments/attachment-panel';
import { keepUrlsFresh } from '../attachments/fresh-urls';
import {
  CaptureThoughtDocument, CreateEntryDocument, CreateTaskDocument, DeleteThoughtDocument, EntryDocument, JournalsDocument, ThoughtsDocument,
  ThoughtAttachmentsDocument, UpdateThoughtDocument, type ThoughtFieldsFragment,
} from '../../graphql/generated';
import { preferredJournal, thoughtAsEntry } from './thought-entry';
import { splitThought } from './thought-text';

@Component({
  selector: 'mf-thoughts-page',
  imports: [FormsModule, RouterLink, AttachmentPanel, ConfirmDialog, ErrorMessage],
  templateUrl: './thoughts-page.html',
  styles: `textarea { min-height: 5rem; } .tag-filter button[aria-pressed=true] { background: var(--accent); color: var(--accent-text); }
           .actions { flex-wrap: wrap; justify-content: flex-end; } .edit { flex: 1; } .edit textarea { width: 100%; }
           .tag-filter button { min-height: auto; padding: .15rem .6rem; border-radius: 999px; background: var(--accent-soft); color: var(--accent); border-color: transparent; }`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ThoughtsPage {
  private readonly gql = inject(Gql);
  private readonly router = inject(Router);
  protected readonly tag = signal<string | null>(null);
  protected readonly thoughts = this.gql.watch(ThoughtsDocument, () => ({ first: 50, tag: this.tag() }));
  protected readonly list = computed(() => this.thoughts.data()?.thoughts.edges.map((e) => e.node) ?? []);
  /** The files of the thoughts listed (the same page of the list, read on its own: see attachments.graphql). */
  protected readonly files = keepUrlsFresh(this.gql.watch(ThoughtAttachmentsDocument, () => ({ first: 50, tag: this.tag() })));
  protected readonly filesOf = computed(() => new Map(this.files.data()?.thoughts.edges.map((e) => [e.node.id, e.node.attachments]) ?? []));
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

  /** The thought being made an entry (its id); the journals are read only then. */
  protected readonly toEntry = signal<string | null>(null);
  protected readonly journals = this.gql.watch(JournalsDocument, () => (this.toEntry() ? { first: 100 } : undefined));
  protected readonly journalList = computed(() => this.journals.data()?.journals.edges.map((e) => e.node) ?? []);
  /** The journal picked (empty: the preferred one, the journal written in most recently). */
  protected readonly pickedJournal = signal('');
  protected readonly journalId = computed(() => this.pickedJournal() || preferredJournal(this.journalList())?.id || '');
  /** An entry made from a thought that could not then be deleted: both are kept, and the page says so. */
  protected readonly keptBoth = signal<{ entryId: string; error: ApiError } | null>(null);

  protected describe(error: ApiError): string {
    return describeError(error);
  }

  protected startEntry(thought: ThoughtFieldsFragment): void {
    this.pickedJournal.set('');
    this.keptBoth.set(null);
    this.error.set(null);
    this.toEntry.set(thought.id);
  }

  /**
   * A thought worth keeping: an entry in the chosen journal with its words (thoughtAsEntry), and only once that
   * entry exists is the thought deleted — if that fails both stay and the page says so; otherwise on to the entry.
   */
  protected async makeEntry(thought: ThoughtFieldsFragment): Promise<void> {
    const journalId = this.journalId();
    if (!journalId) return;
    this.saving.set(true);
    this.error.set(null);
    this.keptBoth.set(null);
    let entryId: string;
    let token: string;
    try {
      const { createEntry } = await this.gql.mutate(CreateEntryDocument, {
        input: { journalId, ...thoughtAsEntry(thought) }, idempotencyKey: `thought-entry-${thought.id}`,
      });
      entryId = createEntry.entry.id;
      token = createEntry.consistencyToken;
    } catch (e) {
      this.error.set(e as ApiError); // nothing made, the thought stays and the form stays open
      this.saving.set(false);
      return;
    }
    try {
      await this.gql.mutate(DeleteThoughtDocument, { id: thought.id });
    } catch (e) {
      this.keptBoth.set({ entryId, error: e as ApiError });
      this.toEntry.set(null);
      this.saving.set(false);
      return;
    }
    try {
      // the editor reads the entry fresh from the read side: wait until that side has the new entry
      await this.gql.query(EntryDocument, { id: entryId }, { consistentWith: token });
    } catch {
      // the editor says itself what it could not read; the entry exists
    }
    this.saving.set(false);
    this.toEntry.set(null);
    await this.router.navigate(['/entries', entryId]);
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
