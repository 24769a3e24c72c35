import { ChangeDetectionStrategy, Component, type OnDestroy, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { Location } from '@angular/common';
import { Router, RouterLink } from '@angular/router';
import { Gql } from '../../core/gql';
import type { ApiError } from '../../core/graphql-errors';
import { ConfirmDialog } from '../../shared/confirm-dialog';
import { ErrorMessage } from '../../shared/error-message';
import {
  CreateEntryDocument, DeleteEntryDocument, EntryDocument, EntryInsightsDocument, JournalsDocument, UpdateEntryDocument,
  type EntryFieldsFragment, type Mood,
} from '../../graphql/generated';
import { Autosave, SaveConflict } from './autosave';
import { emptyDraft, parseTags, type EntryDraft } from './entry-draft';
import { moods } from './moods';

/** Write or edit an entry: autosaved, with mood and tags; a change made elsewhere shows both versions. */
@Component({
  selector: 'mf-entry-editor',
  imports: [FormsModule, RouterLink, ConfirmDialog, ErrorMessage],
  templateUrl: './entry-editor.html',
  styleUrl: './entry-editor.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '(document:keydown.control.s)': 'saveNow($event)', '(document:keydown.meta.s)': 'saveNow($event)' },
})
export class EntryEditor implements OnDestroy {
  private readonly gql = inject(Gql);
  private readonly router = inject(Router);
  private readonly location = inject(Location);
  /** route param (existing entry) */
  readonly id = input<string | undefined>(undefined);
  /** query param (new entry) */
  readonly journal = input<string | undefined>(undefined);

  protected readonly moods = moods;
  protected readonly draft = signal<EntryDraft>(emptyDraft);
  protected tagText = '';
  protected readonly entryId = signal<string | null>(null);
  protected readonly saved = signal<EntryFieldsFragment | null>(null);
  protected readonly journalId = signal<string | null>(null);
  protected readonly loadError = signal<ApiError | null>(null);
  protected readonly saveError = signal<ApiError | null>(null);
  protected readonly theirs = signal<EntryFieldsFragment | null>(null);
  protected readonly confirmingDelete = signal(false);
  private version = 0;
  private readonly idempotencyKey = crypto.randomUUID();
  private readonly autosave = new Autosave<EntryDraft>((draft) => this.persist(draft));
  protected readonly saveState = this.autosave.state;
  protected readonly journals = this.gql.watch(JournalsDocument, () => (this.journalId() ? undefined : { first: 50 }));
  protected readonly insights = this.gql.watch(EntryInsightsDocument, () => {
    const id = this.entryId();
    return id ? { id } : undefined;
  });
  protected readonly statusText = computed(() => {
    switch (this.saveState()) {
      case 'saving': return 'Saving…';
      case 'saved': return 'All changes saved';
      case 'unsaved': return 'Unsaved changes';
      case 'conflict': return 'Changed elsewhere — choose a version';
      case 'error': return 'Not saved — will retry when you type, or press Ctrl+S';
      default: return this.entryId() ? 'Up to date' : 'New entry';
    }
  });

  constructor() {
    effect(() => {
      const id = this.id();
      const journal = this.journal();
      untracked(() => {
        if (id) void this.load(id);
        else if (journal) this.journalId.set(journal);
      });
    });
  }

  ngOnDestroy(): void {
    void this.autosave.flush();
  }

  protected update(patch: Partial<EntryDraft>): void {
    this.draft.update((d) => ({ ...d, ...patch }));
    if (this.draft().content.trim() && this.journalId()) this.autosave.change(this.draft());
  }

  protected setTags(text: string): void {
    this.tagText = text;
    this.update({ tags: parseTags(text) });
  }

  protected pickMood(mood: Mood): void {
    this.update({ mood: this.draft().mood === mood ? null : mood });
  }

  protected chooseJournal(id: string): void {
    this.journalId.set(id || null);
    if (id && this.draft().content.trim()) this.autosave.change(this.draft());
  }

  protected saveNow(event: Event): void {
    event.preventDefault();
    void this.autosave.flush();
  }

  /** Conflict: keep what I wrote, on top of their version. */
  protected async keepMine(): Promise<void> {
    const theirs = this.theirs();
    if (!theirs) return;
    this.version = theirs.version;
    this.theirs.set(null);
    await this.autosave.resume(this.draft());
  }

  /** Conflict: take their version, dropping mine. */
  protected useTheirs(): void {
    const theirs = this.theirs();
    if (!theirs) return;
    this.show(theirs);
    this.theirs.set(null);
    this.autosave.settle();
  }

  protected async confirmDelete(confirmed: boolean): Promise<void> {
    this.confirmingDelete.set(false);
    const id = this.entryId();
    if (!confirmed || !id) return;
    try {
      await this.gql.mutate(DeleteEntryDocument, { id, expectedVersion: this.version });
      this.autosave.settle();
      await this.router.navigate(['/journals', this.journalId()]);
    } catch (e) {
      this.saveError.set(e as ApiError);
    }
  }

  private async load(id: string): Promise<void> {
    try {
      const { entry } = await this.gql.query(EntryDocument, { id }, { fresh: true });
      if (!entry) {
        this.loadError.set({ code: 'NOT_FOUND', message: 'This entry does not exist or was deleted.' });
        return;
      }
      this.entryId.set(entry.id);
      this.journalId.set(entry.journal.id);
      this.show(entry);
    } catch (e) {
      this.loadError.set(e as ApiError);
    }
  }

  private show(entry: EntryFieldsFragment): void {
    this.version = entry.version;
    this.saved.set(entry);
    this.draft.set({ title: entry.title ?? '', content: entry.content, mood: entry.mood, tags: entry.tags });
    this.tagText = entry.tags.join(', ');
  }

  private async persist(draft: EntryDraft): Promise<void> {
    this.saveError.set(null);
    const input = { title: draft.title.trim() || null, content: draft.content, mood: draft.mood, tags: [...draft.tags] };
    try {
      const id = this.entryId();
      if (!id) {
        const { createEntry } = await this.gql.mutate(CreateEntryDocument, {
          input: { ...input, journalId: this.journalId()! }, idempotencyKey: this.idempotencyKey,
        });
        this.entryId.set(createEntry.entry.id);
        this.version = createEntry.entry.version;
        this.saved.set(createEntry.entry);
        this.location.replaceState(`/entries/${createEntry.entry.id}`);
      } else {
        const { updateEntry } = await this.gql.mutate(UpdateEntryDocument, { id, expectedVersion: this.version, input });
        this.version = updateEntry.entry.version;
        this.saved.set(updateEntry.entry);
      }
    } catch (e) {
      const error = e as ApiError;
      if (error.code === 'CONFLICT' && this.entryId()) {
        const { entry } = await this.gql.query(EntryDocument, { id: this.entryId()! }, { fresh: true });
        if (entry) this.theirs.set(entry);
        throw new SaveConflict();
      }
      this.saveError.set(error);
      throw error;
    }
  }
}
