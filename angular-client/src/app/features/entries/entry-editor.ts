import { ChangeDetectionStrategy, Component, type ElementRef, type OnDestroy, computed, effect, inject, input, signal, untracked, viewChild } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { DatePipe } from '@angular/common';
import { Router, RouterLink } from '@angular/router';
import { ConnectionStatus } from '../../core/connection-status';
import { Gql } from '../../core/gql';
import { describeError, isTransient, type ApiError } from '../../core/graphql-errors';
import { RemoteEntries, type EntryChange } from '../../core/remote-entries';
import { ConfirmDialog } from '../../shared/confirm-dialog';
import { ErrorMessage } from '../../shared/error-message';
import { MarkdownEditor } from '../../shared/markdown/markdown-editor';
import { MarkdownView } from '../../shared/markdown/markdown-view';
import { fieldProblems, generalError } from '../../shared/field-problems';
import { AttachmentPanel } from '../attachments/attachment-panel';
import { keepUrlsFresh } from '../attachments/fresh-urls';
import {
  CreateEntryDocument, DeleteEntryDocument, EntryAttachmentsDocument, EntryDocument, EntryInsightsDocument, JournalsDocument, TagSuggestionsDocument,
  UpdateEntryDocument, type EntryFieldsFragment, type Mood,
} from '../../graphql/generated';
import { Autosave, SaveConflict, SaveRejected } from './autosave';
import { draftProblems, emptyDraft, entryLimits, parseTags, sameDraft, type DraftField, type EntryDraft } from './entry-draft';
import { LocalDrafts, type DraftSlot } from './local-drafts';
import { changedFields, mergeEntry, resolveConflicts, type MergeField } from './merge-entry';
import { moods } from './moods';
import { entryTemplates, untouchedTemplate, type EntryTemplate } from './entry-templates';
import { saveStatus, type HeldBack } from './save-status';
import { TagSuggester, completeTag } from './tag-suggestions';
import type { LeavesSafely } from './unsaved-changes-guard';

const formFields: readonly DraftField[] = ['title', 'content', 'tags'];

/** How the fields are named to the writer when a change made elsewhere overlaps theirs. */
const fieldNames: Record<MergeField, string> = { title: 'Title', content: 'Entry', mood: 'Mood', tags: 'Tags' };

/**
 * Write or edit an entry: autosaved, with mood and tags. A change made elsewhere (another tab, another device)
 * arrives live and is merged field by field into what is on screen (merge-entry): a field only they changed takes
 * their value, a field only this editor changed keeps it, and only a field both changed asks the writer. Nothing
 * written is lost: every draft the server has not acknowledged is kept on the device (LocalDrafts) and offered
 * back when the entry is opened again; refused fields are pointed at; failed saves retry by themselves.
 */
@Component({
  selector: 'mf-entry-editor',
  imports: [FormsModule, RouterLink, AttachmentPanel, ConfirmDialog, ErrorMessage, DatePipe, MarkdownEditor, MarkdownView],
  templateUrl: './entry-editor.html',
  styleUrl: './entry-editor.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: {
    '(document:keydown.control.s)': 'saveNow($event)', '(document:keydown.meta.s)': 'saveNow($event)',
    '(window:online)': 'backOnline()', '(window:beforeunload)': 'warnBeforeUnload($event)',
  },
})
export class EntryEditor implements OnDestroy, LeavesSafely {
  private readonly gql = inject(Gql);
  private readonly router = inject(Router);
  private readonly connection = inject(ConnectionStatus);
  private readonly localDrafts = inject(LocalDrafts);
  /** route param: the entry, or `new` */
  readonly id = input<string | undefined>(undefined);
  /** query param (new entry) */
  readonly journal = input<string | undefined>(undefined);

  protected readonly moods = moods;
  protected readonly templates = entryTemplates;
  /** A new entry's day (YYYY-MM-DD, local): today, or an earlier day it is backdated to (CreateEntryInput.createdAt). */
  protected readonly entryDate = signal(localDay(new Date()));
  private readonly dateField = viewChild<ElementRef<HTMLInputElement>>('dateField');
  /** The day an entry is being moved to (shown in the Date field while it is sent). */
  private readonly redatingTo = signal<string | null>(null);
  /** Why the entry could not be redated (the field shows its date as it is). */
  protected readonly dateError = signal<string | null>(null);
  /** The Date field: a new entry's chosen day, or the day a created entry is dated (in the writer's time zone). */
  protected readonly shownDate = computed(() => {
    const entry = this.saved();
    return this.redatingTo() ?? (this.entryId() && entry ? localDay(new Date(entry.createdAt)) : this.entryDate());
  });
  protected readonly today = localDay(new Date());
  protected readonly limits = entryLimits;
  protected readonly draft = signal<EntryDraft>(emptyDraft);
  /** The draft the server last acknowledged (loaded or saved): "saved" means the draft on screen equals it. */
  private readonly acknowledged = signal<EntryDraft>(emptyDraft);
  protected tagText = '';
  protected readonly loading = signal(false);
  protected readonly entryId = signal<string | null>(null);
  protected readonly saved = signal<EntryFieldsFragment | null>(null);
  protected readonly journalId = signal<string | null>(null);
  protected readonly loadError = signal<ApiError | null>(null);
  protected readonly saveError = signal<ApiError | null>(null);
  /** The version changed elsewhere that overlaps the draft, and the fields both changed (only these are asked). */
  protected readonly theirs = signal<EntryFieldsFragment | null>(null);
  protected readonly conflicts = signal<readonly MergeField[]>([]);
  /** The entry was deleted in another tab or device while open here: nothing more is saved. */
  protected readonly deletedElsewhere = signal(false);
  protected readonly fieldNames = fieldNames;
  protected readonly confirmingDelete = signal(false);
  protected readonly confirmingLeave = signal(false);
  /** The body shown rendered (Markdown) instead of being edited. */
  protected readonly previewing = signal(false);
  /** When the draft on screen was restored from this device: the time it was kept. */
  protected readonly restoredFrom = signal<string | null>(null);
  private answerLeave: ((leave: boolean) => void) | undefined;
  private version = 0;
  private idempotencyKey: string = crypto.randomUUID();
  private slot: DraftSlot | null = null;
  /** The draft this editor last kept on the device (or adopted from it). */
  private keptDraft: EntryDraft | null = null;
  private destroyed = false;
  /** The address a just-created entry is moving to (in this same editor): not a leaving. */
  private movingTo: string | null = null;
  /** A save is on its way: a change arriving from elsewhere meanwhile is merged once it is answered. */
  private sending = false;
  private arrivedWhileSending: EntryFieldsFragment | null = null;
  protected readonly autosave = new Autosave<EntryDraft>((draft) => this.persist(draft));
  /** The user's tags matching the word typed in the tag box (the tag list of the read side, `Query.tags`). */
  protected readonly tagSuggester = new TagSuggester(
    async (prefix) => (await this.gql.query(TagSuggestionsDocument, { prefix, first: 20 }, { fresh: true })).tags.map((t) => t.tag),
    () => this.draft().tags,
  );
  protected readonly journals = this.gql.watch(JournalsDocument, () => (this.journalId() || this.loading() ? undefined : { first: 50 }));
  protected readonly insights = this.gql.watch(EntryInsightsDocument, () => {
    const id = this.entryId();
    return id ? { id } : undefined;
  });
  /** The entry's files (their signed URLs are short-lived: read again before they expire, keepUrlsFresh). */
  protected readonly attachments = keepUrlsFresh(this.gql.watch(EntryAttachmentsDocument, () => {
    const id = this.entryId();
    return id ? { id } : undefined;
  }));
  protected readonly attachmentList = computed(() => this.attachments.data()?.entry?.attachments ?? []);
  /** Files attach to the entry once it exists; dropped on a new one, they wait for its first save. */
  protected readonly attachTarget = computed(() => {
    const id = this.entryId();
    return id ? { entryId: id } : null;
  });
  protected readonly attachWaiting = computed(() => this.heldBack() === 'no-journal'
    ? 'Choose a journal and write a few words: the files are attached once the entry is saved.'
    : 'Write a few words: the files are attached once the entry is saved.');

  /** A new entry with nothing of the writer's own yet: it can start from a template. */
  protected readonly canStartFromTemplate = computed(() =>
    this.entryId() === null && !this.loading() && (!this.draft().content.trim() || !!untouchedTemplate(this.draft().content)));
  protected readonly dirty = computed(() => !sameDraft(this.draft(), this.acknowledged()));
  /** Problems per field: the limits checked here, and a refusal from the server for a field of the form. */
  protected readonly problems = computed(() => fieldProblems(this.saveError(), formFields, draftProblems(this.draft())));
  /** A refusal not about a field of the form (or any other failure): shown under the form. */
  protected readonly generalError = computed(() => generalError(this.saveError(), formFields));
  protected readonly heldBack = computed<HeldBack | null>(() => {
    if (Object.keys(draftProblems(this.draft())).length > 0) return 'invalid';
    if (!this.draft().content.trim() || untouchedTemplate(this.draft().content)) return 'no-content'; // only prompts: not begun
    return this.journalId() ? null : 'no-journal';
  });
  protected readonly status = computed(() => saveStatus({
    state: this.autosave.state(),
    loading: this.loading(),
    existing: this.entryId() !== null,
    dirty: this.dirty(),
    heldBack: this.heldBack(),
    refusedField: Object.keys(this.problems()).length > 0,
    offline: !this.connection.online(),
  }));
  /** Leaving now would leave the draft on this device only: ask first. */
  private readonly atRisk = computed(() => {
    if (!this.dirty()) return false;
    const state = this.autosave.state();
    const goingThrough = (state === 'unsaved' || state === 'saving') && !this.heldBack() && this.connection.online();
    return !goingThrough; // when going through, leaving saves it (ngOnDestroy)
  });

  constructor() {
    effect(() => {
      const id = this.id();
      const journal = this.journal();
      untracked(() => {
        if (id && id !== 'new') {
          if (id !== this.entryId()) void this.load(id); // not when it is the entry just created here
        } else {
          this.journalId.set(journal ?? null);
          this.restoreLocal({ newInJournal: journal ?? null });
        }
      });
    });
    inject(RemoteEntries).changes.pipe(takeUntilDestroyed()).subscribe((change) => this.changedElsewhere(change));
  }

  ngOnDestroy(): void {
    this.destroyed = true;
    this.tagSuggester.close();
    this.autosave.dispose();
    void this.autosave.flush();
  }

  canLeave(): boolean | Promise<boolean> {
    if (this.movingTo !== null && this.movingTo === this.entryId()) {
      this.movingTo = null;
      return true;
    }
    if (!this.atRisk()) return true;
    this.confirmingLeave.set(true);
    return new Promise((resolve) => (this.answerLeave = resolve));
  }

  protected answeredLeave(leave: boolean): void {
    this.confirmingLeave.set(false);
    this.answerLeave?.(leave);
    this.answerLeave = undefined;
  }

  /** The network is back: what waits for it goes now (a pending save, an entry that could not be loaded). */
  protected backOnline(): void {
    this.autosave.retryNow();
    const id = this.id();
    const failed = this.loadError();
    if (id && id !== 'new' && failed && isTransient(failed)) void this.load(id);
  }

  /** Closing the tab or reloading with changes the server does not have: the browser asks. */
  protected warnBeforeUnload(event: BeforeUnloadEvent): void {
    if (!this.dirty()) return;
    event.preventDefault();
    event.returnValue = ''; // older browsers ask only when this is set
  }

  protected update(patch: Partial<EntryDraft>): void {
    this.draft.update((d) => ({ ...d, ...patch }));
    const refused = this.saveError()?.field;
    if (refused && refused in patch) this.saveError.set(null); // the refused field is being fixed
    this.keepLocally();
    this.queueSave();
  }

  protected setTags(text: string, caret: number | null = text.length): void {
    this.tagText = text;
    this.update({ tags: parseTags(text) });
    this.tagSuggester.typedIn(text, caret ?? text.length);
  }

  protected tagKey(event: KeyboardEvent, box: HTMLInputElement): void {
    const { handled, picked } = this.tagSuggester.key(event.key);
    if (handled) event.preventDefault(); // Enter on a suggestion picks it instead of saving; Escape only closes the list
    if (picked !== undefined) this.pickTag(picked, box);
  }

  /** A suggestion chosen: it replaces the word typed, and the caret waits after it for the next tag. */
  protected pickTag(tag: string, box: HTMLInputElement): void {
    const typed = this.tagSuggester.typed();
    if (!typed) return;
    const { text, caret } = completeTag(this.tagText, typed, tag);
    this.setTags(text, caret);
    this.tagSuggester.close();
    box.value = text; // now, not at the next render: the caret is placed in it
    box.setSelectionRange(caret, caret);
  }

  /** A new entry starts from a template: its prompts, title, tags and mood (all of it editable, none of it saved alone). */
  protected startFrom(template: EntryTemplate): void {
    this.tagText = template.tags.join(', ');
    this.update({ title: template.title, content: template.content, tags: [...template.tags], mood: template.mood });
  }

  /**
   * A new entry dated on an earlier day (never a later one): it is created on that day. An entry already created is
   * redated at once (`redate`).
   */
  protected chooseDate(day: string): void {
    const today = localDay(new Date());
    const chosen = /^\d{4}-\d\d-\d\d$/.test(day) && day <= today ? day : null;
    if (this.entryId()) void this.redate(chosen);
    else {
      this.entryDate.set(chosen && chosen < today ? chosen : today);
      this.keepLocally(); // (kept with the draft, if there is one)
    }
    this.showDate();
  }

  /** The field shows `shownDate` now: after a day refused or not kept, the binding would see no change to write. */
  private showDate(): void {
    const field = this.dateField()?.nativeElement;
    if (field) field.value = this.shownDate();
  }

  /**
   * An entry dated on the wrong day moves to the one it is about (UpdateEntryInput.createdAt, noon of it, local time;
   * today: now). Its own write, after any save on its way (one write at a time); a change made elsewhere meanwhile is
   * merged as a save's would be, then the date is sent again on its version. The text is never touched by it.
   */
  private async redate(day: string | null): Promise<void> {
    const id = this.entryId();
    const entry = this.saved();
    this.dateError.set(null);
    if (!id || !entry || !day || day === localDay(new Date(entry.createdAt))) {
      this.redatingTo.set(null); // an empty or later day: the field shows the entry's date again
      return;
    }
    this.redatingTo.set(day);
    try {
      await this.autosave.flush();
      for (let attempt = 1; ; attempt++) {
        try {
          const { updateEntry } = await this.gql.mutate(UpdateEntryDocument, { id, expectedVersion: this.version, input: { createdAt: momentOf(day) } });
          this.version = updateEntry.entry.version;
          this.saved.set(updateEntry.entry);
          return;
        } catch (e) {
          const error = e as ApiError;
          if (error.code !== 'CONFLICT' || attempt >= 3) throw error;
          const newer = await this.newerEntry(id, error.currentVersion ?? this.version + 1);
          if (!newer) throw error;
          this.mergeIn(newer);
        }
      }
    } catch (e) {
      this.dateError.set(`The date could not be changed: ${describeError(e as ApiError)}`);
    } finally {
      this.redatingTo.set(null);
      this.showDate();
    }
  }

  private chooseDateOnly(day: string): void {
    if (/^\d{4}-\d\d-\d\d$/.test(day) && day < localDay(new Date())) this.entryDate.set(day);
  }

  protected pickMood(mood: Mood): void {
    this.update({ mood: this.draft().mood === mood ? null : mood });
  }

  protected chooseJournal(id: string): void {
    this.journalId.set(id || null);
    this.keepLocally();
    this.queueSave();
  }

  protected saveNow(event: Event): void {
    event.preventDefault();
    void this.autosave.flush();
  }

  /** Conflict: keep what I wrote in the fields both changed (their other changes are already merged in). */
  protected async keepMine(): Promise<void> {
    if (!this.theirs()) return;
    this.theirs.set(null);
    this.conflicts.set([]);
    await this.autosave.resume(this.draft());
  }

  /** Conflict: take their value of the fields both changed; my changes to other fields stay (and are saved). */
  protected async useTheirs(): Promise<void> {
    const theirs = this.theirs();
    if (!theirs) return;
    this.setDraft(resolveConflicts(this.draft(), draftOf(theirs), this.conflicts(), 'theirs'));
    this.theirs.set(null);
    this.conflicts.set([]);
    if (this.dirty()) {
      this.keepLocally();
      await this.autosave.resume(this.draft());
    } else {
      this.autosave.settle();
      this.forgetLocal();
    }
  }

  /** How a field reads in the conflict box. */
  protected fieldText(field: MergeField, draft: { title?: string | null; content: string; mood: Mood | null; tags: readonly string[] }): string {
    switch (field) {
      case 'title': return draft.title || 'Untitled';
      case 'content': return draft.content;
      case 'mood': return moods.find((m) => m.value === draft.mood)?.label ?? 'No mood';
      case 'tags': return draft.tags.map((t) => `#${t}`).join(' ') || 'No tags';
    }
  }

  /**
   * An entry changed live (`entryChanged`). A newer version of the entry open here is merged into the draft field by
   * field; while a save is on its way it waits for the answer (it may be this editor's own save coming back).
   */
  private changedElsewhere(change: EntryChange): void {
    if (change.kind === 'DELETED' && change.entryId === this.entryId()) {
      this.deletedElsewhere.set(true);
      this.autosave.dispose(); // saving would only be refused (NOT_FOUND); what is on screen stays kept on the device
      return;
    }
    const entry = change.entry;
    if (change.kind !== 'UPDATED' || !entry || entry.id !== this.entryId() || entry.version <= this.version) return;
    if (this.sending) {
      this.arrivedWhileSending = entry;
      return;
    }
    this.mergeIn(entry);
  }

  /**
   * Their newer version becomes the base (what the server holds); the draft keeps what was changed here and takes
   * the rest of theirs. Fields both changed hold the draft's value and stop saving until the writer chooses.
   */
  private mergeIn(entry: EntryFieldsFragment): readonly MergeField[] {
    const { merged, conflicts } = mergeEntry(this.acknowledged(), this.draft(), draftOf(entry));
    this.version = entry.version;
    this.saved.set(entry);
    this.acknowledged.set(draftOf(entry));
    this.setDraft(merged);
    this.conflicts.set(conflicts);
    this.theirs.set(conflicts.length > 0 ? entry : null);
    this.keepLocally();
    if (conflicts.length > 0) this.autosave.conflict();
    else if (this.autosave.state() === 'conflict') void this.autosave.resume(merged); // the overlap is gone
    else if (this.sending) {
      // the save on its way sends the merged draft (send)
    } else if (this.dirty()) this.queueSave(); // what is changed here goes on top of their version
    else this.autosave.settle(); // nothing of ours left to send
    return conflicts;
  }

  /** A draft put on screen from elsewhere: the tag box is rewritten only when the tags differ from it. */
  private setDraft(draft: EntryDraft): void {
    if (draft.tags.join('\u0000') !== parseTags(this.tagText).join('\u0000')) this.tagText = draft.tags.join(', ');
    this.draft.set(draft);
  }

  /**
   * The entry as the server holds it now, at least at `version` (the one a CONFLICT named): the read side may lag
   * a moment behind the write that made it, so it is read again a few times (at most ~3 s).
   */
  private async newerEntry(id: string, version: number): Promise<EntryFieldsFragment | null> {
    let entry: EntryFieldsFragment | null = null;
    for (let attempt = 0; attempt < 12; attempt++) {
      if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 250));
      entry = (await this.gql.query(EntryDocument, { id }, { fresh: true })).entry ?? null;
      if (!entry || entry.version >= version) return entry;
    }
    return entry;
  }

  /** The restored draft is not wanted: back to what the server has. */
  protected discardRestored(): void {
    const server = this.saved();
    if (server) this.show(server);
    else {
      this.draft.set(emptyDraft);
      this.acknowledged.set(emptyDraft);
      this.tagText = '';
    }
    this.saveError.set(null);
    this.autosave.settle();
    this.forgetLocal();
    // the discarded draft's key may have been used: the next new entry would come back as that one
    this.idempotencyKey = crypto.randomUUID();
  }

  protected async confirmDelete(confirmed: boolean): Promise<void> {
    this.confirmingDelete.set(false);
    const id = this.entryId();
    if (!confirmed || !id) return;
    try {
      await this.gql.mutate(DeleteEntryDocument, { id, expectedVersion: this.version });
      this.autosave.settle();
      this.forgetLocal();
      await this.router.navigate(['/journals', this.journalId()]);
    } catch (e) {
      this.saveError.set(e as ApiError);
    }
  }

  private async load(id: string): Promise<void> {
    // not editable until it is here: what is typed into a blank form would be overwritten by the entry
    this.loading.set(true);
    this.loadError.set(null);
    try {
      const { entry } = await this.gql.query(EntryDocument, { id }, { fresh: true });
      if (!entry) {
        this.loadError.set({ code: 'NOT_FOUND', message: 'This entry does not exist or was deleted.' });
        return;
      }
      this.entryId.set(entry.id);
      this.journalId.set(entry.journal.id);
      this.show(entry);
      this.restoreLocal({ entryId: entry.id });
    } catch (e) {
      this.loadError.set(e as ApiError);
    } finally {
      this.loading.set(false);
    }
  }

  private show(entry: EntryFieldsFragment): void {
    this.version = entry.version;
    this.saved.set(entry);
    const draft = draftOf(entry);
    this.draft.set(draft);
    this.acknowledged.set(draft);
    this.tagText = entry.tags.join(', ');
  }

  /** A draft kept on this device for this slot comes back, and is saved (on the version it was written on). */
  private restoreLocal(slot: DraftSlot): void {
    this.slot = slot;
    const kept = this.localDrafts.read(slot);
    if (!kept) return;
    if (sameDraft(kept.draft, this.draft())) {
      this.localDrafts.remove(slot);
      return;
    }
    this.keptDraft = kept.draft;
    this.tagText = kept.draft.tags.join(', ');
    this.restoredFrom.set(kept.keptAt);
    if (kept.day && kept.baseVersion === null) this.chooseDateOnly(kept.day);
    if (kept.baseVersion !== null && kept.baseVersion !== this.version) {
      // changed elsewhere since it was written: merged with the server's version field by field (a copy kept without
      // its base cannot tell whose change a difference is: every field that differs is asked)
      const server = this.acknowledged();
      const { merged, conflicts } = kept.base
        ? mergeEntry(kept.base, kept.draft, server)
        : { merged: kept.draft, conflicts: changedFields(kept.draft, server) };
      this.draft.set(merged);
      this.tagText = merged.tags.join(', ');
      if (conflicts.length > 0) {
        this.theirs.set(this.saved());
        this.conflicts.set(conflicts);
        this.autosave.conflict();
        return;
      }
      this.queueSave();
      return;
    }
    this.draft.set(kept.draft);
    // its key only if this tab wrote it (a reload): another tab's key would make both drafts one entry
    if (kept.idempotencyKey && kept.tab === this.localDrafts.tab()) this.idempotencyKey = kept.idempotencyKey;
    this.queueSave();
  }

  private queueSave(): void {
    if (!this.heldBack()) this.autosave.change(this.draft());
  }

  /** Keeps the draft on this device while the server does not have it (and moves it when its slot changes). */
  private keepLocally(): void {
    const id = this.entryId();
    const slot: DraftSlot = id ? { entryId: id } : { newInJournal: this.journalId() };
    if (this.slot && this.localDrafts.key(this.slot) !== this.localDrafts.key(slot)) this.localDrafts.remove(this.slot);
    this.slot = slot;
    if (!this.dirty()) {
      // only our own copy: another tab may have kept its unsaved draft of this entry under the same key
      const kept = this.localDrafts.read(slot);
      const ours = kept && (sameDraft(kept.draft, this.draft()) || (this.keptDraft && sameDraft(kept.draft, this.keptDraft)));
      if (ours) this.localDrafts.remove(slot);
      this.keptDraft = null;
      return;
    }
    this.keptDraft = this.draft();
    this.localDrafts.write(slot, {
      draft: this.draft(),
      baseVersion: id ? this.version : null,
      ...(id ? { base: this.acknowledged() } : {}),
      ...(id ? {} : { idempotencyKey: this.idempotencyKey, tab: this.localDrafts.tab() }),
      ...(!id && this.entryDate() < localDay(new Date()) ? { day: this.entryDate() } : {}),
      keptAt: new Date().toISOString(),
    });
  }

  private forgetLocal(): void {
    if (this.slot) this.localDrafts.remove(this.slot);
    this.restoredFrom.set(null);
  }

  private async persist(draft: EntryDraft): Promise<void> {
    this.sending = true;
    try {
      await this.send(draft);
    } finally {
      this.sending = false;
      const arrived = this.arrivedWhileSending;
      this.arrivedWhileSending = null;
      if (arrived && arrived.version > this.version) this.mergeIn(arrived);
    }
  }

  /**
   * Sends the draft. On CONFLICT the server's version is merged in (mergeEntry): with no overlap the merged draft is
   * sent again on the new version (a few times at most, if others keep writing); with one, the writer chooses.
   */
  private async send(draft: EntryDraft, attempt = 1): Promise<void> {
    this.saveError.set(null);
    const input = { title: draft.title.trim() || null, content: draft.content, mood: draft.mood, tags: [...draft.tags] };
    try {
      const id = this.entryId();
      let answered = draft;
      if (!id) {
        const { createEntry } = await this.gql.mutate(CreateEntryDocument, {
          input: { ...input, journalId: this.journalId()!, ...backdatedTo(this.entryDate()) }, idempotencyKey: this.idempotencyKey,
        });
        this.idempotencyKey = crypto.randomUUID(); // used: it would only ever bring back this entry
        // A key used before (a retry whose first answer was lost, a restored draft) brings back the entry created
        // then, whatever this draft says: what the server holds is that entry, not necessarily this draft.
        if (!holds(createEntry.entry, input)) answered = draftOf(createEntry.entry);
        this.entryId.set(createEntry.entry.id);
        this.version = createEntry.entry.version;
        this.saved.set(createEntry.entry);
        if (!this.destroyed) {
          this.movingTo = createEntry.entry.id;
          void this.router.navigate(['/entries', createEntry.entry.id], { replaceUrl: true })
            .catch(() => false) // the entry is saved either way; only its address did not change
            .finally(() => (this.movingTo = null));
        }
      } else {
        const { updateEntry } = await this.gql.mutate(UpdateEntryDocument, { id, expectedVersion: this.version, input });
        this.version = updateEntry.entry.version;
        this.saved.set(updateEntry.entry);
      }
      this.acknowledged.set(answered);
      this.keepLocally(); // gone once the server has it all; still kept (now as the entry's) if typing went on
      // the server holds an older draft than the one on screen: saved on the version it returned
      if (answered !== draft && this.dirty()) this.queueSave();
    } catch (e) {
      const error = e as ApiError;
      if (error.code === 'CONFLICT' && this.entryId()) {
        const entry = await this.newerEntry(this.entryId()!, error.currentVersion ?? this.version + 1);
        if (!entry) throw new SaveConflict();
        if (entry.version <= this.version) throw error; // the read side has not caught up: tried again, with backoff
        if (this.mergeIn(entry).length > 0) throw new SaveConflict();
        if (attempt >= 3) throw error; // others keep writing: tried again by itself, with backoff
        if (this.dirty()) await this.send(this.draft(), attempt + 1);
        return;
      }
      this.saveError.set(error);
      this.keepLocally(); // (again: another tab saving may have removed it meanwhile)
      throw isTransient(error) ? error : new SaveRejected(error);
    }
  }
}

/** A day as YYYY-MM-DD in the writer's time zone. */
function localDay(at: Date): string {
  return `${at.getFullYear()}-${String(at.getMonth() + 1).padStart(2, '0')}-${String(at.getDate()).padStart(2, '0')}`;
}

/** The moment an entry is moved to: noon of an earlier day, local time (as `backdatedTo`); today, now (noon may be ahead). */
function momentOf(day: string): string {
  return backdatedTo(day).createdAt ?? new Date().toISOString();
}

/** An entry dated on an earlier day is created at noon of that day, local time (the same date in UTC almost everywhere). */
function backdatedTo(day: string): { createdAt?: string } {
  if (day >= localDay(new Date())) return {};
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return { createdAt: new Date(y, m - 1, d, 12).toISOString() };
}

function draftOf(entry: EntryFieldsFragment): EntryDraft {
  return { title: entry.title ?? '', content: entry.content, mood: entry.mood, tags: entry.tags };
}

/** The server's entry holds what was sent (the same title, text, mood and tags). */
function holds(entry: EntryFieldsFragment, sent: { title: string | null; content: string; mood: Mood | null; tags: string[] }): boolean {
  return (entry.title ?? '') === (sent.title ?? '') && entry.content === sent.content && entry.mood === sent.mood
    && entry.tags.join('\u0000') === sent.tags.join('\u0000');
}
