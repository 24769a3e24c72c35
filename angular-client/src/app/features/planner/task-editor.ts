import { ChangeDetectionStrategy, Component, type ElementRef, afterNextRender, computed, inject, input, output, signal, viewChild } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { Gql } from '../../core/gql';
import type { ApiError } from '../../core/graphql-errors';
import { ConfirmDialog } from '../../shared/confirm-dialog';
import { ErrorMessage } from '../../shared/error-message';
import { ReminderField } from './reminder-field';
import { fieldProblems, generalError } from '../../shared/field-problems';
import { TaskDocument, UpdateTaskDocument, type Priority, type TaskFieldsFragment } from '../../graphql/generated';
import {
  canSaveTask, draftOfTask, rebaseTaskDraft, recurrenceChoices, sameTaskDraft, taskChanges, taskFormFields, taskLimits, taskProblems,
  type TaskDraft,
} from './task-draft';

/**
 * Edits a task (a recurring one as its whole series) in a dialog, with the entry editor's care for what is typed:
 * the server's limits checked as one types, a refused field pointed at, and the form kept as typed when a save is
 * refused or fails; closing with changes asks first, and so does leaving the page. A task changed elsewhere
 * meanwhile (CONFLICT) is merged field by field: what was not touched here takes the other change, what was
 * stays as typed, and saving again puts only that on top.
 */
@Component({
  selector: 'mf-task-editor',
  imports: [FormsModule, ErrorMessage, ConfirmDialog, ReminderField],
  templateUrl: './task-editor.html',
  styles: `
    .backdrop { position: fixed; inset: 0; background: rgb(0 0 0 / .35); z-index: 10; }
    .dialog { position: fixed; z-index: 11; top: 5vh; left: 50%; transform: translateX(-50%); width: min(560px, 96vw);
              max-height: 90vh; overflow-y: auto; overflow-wrap: anywhere; }
    .task-fields { display: flex; gap: .75rem; flex-wrap: wrap; }
    .task-fields .field { flex: 1 1 9rem; min-width: 0; }
    textarea { min-height: 5rem; }
    .small { font-size: .85rem; }`,
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '(window:beforeunload)': 'warnBeforeUnload($event)' },
})
export class TaskEditor {
  private readonly gql = inject(Gql);
  /** The task (or the occurrence) whose title was clicked. */
  readonly task = input.required<TaskFieldsFragment>();
  readonly priorities = input.required<readonly Priority[]>();
  /** Saved: the write's consistency token. */
  readonly saved = output<string>();
  readonly closed = output<void>();

  protected readonly limits = taskLimits;
  protected readonly loading = signal(true);
  protected readonly saving = signal(false);
  protected readonly loadError = signal<ApiError | null>(null);
  protected readonly saveError = signal<ApiError | null>(null);
  /** The task as the server last answered it. */
  protected readonly server = signal<TaskFieldsFragment | null>(null);
  /** Changed elsewhere while this form was open: what it is now. */
  protected readonly changedElsewhere = signal<TaskFieldsFragment | null>(null);
  protected readonly draft = signal<TaskDraft | null>(null);
  protected readonly confirmingClose = signal(false);
  private readonly base = computed(() => { const s = this.server(); return s ? draftOfTask(s) : null; });
  protected readonly dirty = computed(() => { const d = this.draft(), b = this.base(); return !!d && !!b && !sameTaskDraft(d, b); });
  protected readonly problems = computed(() => {
    const d = this.draft();
    return fieldProblems(this.saveError(), taskFormFields, d ? taskProblems(d) : {});
  });
  protected readonly generalError = computed(() => generalError(this.saveError(), taskFormFields));
  protected readonly canSave = computed(() => { const d = this.draft(); return !!d && canSaveTask(d) && !this.saving(); });
  protected readonly choices = computed(() => recurrenceChoices(this.draft()?.recurrence ?? ''));
  private readonly titleInput = viewChild<ElementRef<HTMLInputElement>>('titleInput');

  constructor() {
    afterNextRender(() => void this.load());
  }

  protected update(patch: Partial<TaskDraft>): void {
    this.draft.update((d) => (d ? { ...d, ...patch } : d));
    const refused = this.saveError()?.field;
    if (refused && refused in patch) this.saveError.set(null); // the refused field is being fixed
  }

  protected async save(event?: Event): Promise<void> {
    event?.preventDefault();
    const draft = this.draft(), server = this.server(), base = this.base();
    if (!draft || !server || !base || !canSaveTask(draft) || this.saving()) return;
    const input = taskChanges(base, draft);
    if (Object.keys(input).length === 0) {
      this.closed.emit();
      return;
    }
    this.saving.set(true);
    this.saveError.set(null);
    try {
      const { updateTask } = await this.gql.mutate(UpdateTaskDocument, { id: server.id, expectedVersion: server.version, input });
      this.server.set(updateTask.task);
      this.saved.emit(updateTask.consistencyToken);
    } catch (e) {
      const error = e as ApiError;
      // the form stays as typed; a conflict is shown by the merged form itself when the current version came
      if (!(error.code === 'CONFLICT' && (await this.showTheirs()))) this.saveError.set(error);
    } finally {
      this.saving.set(false);
    }
  }

  /** Changed elsewhere: start over from what it is now (these changes are dropped). */
  protected useTheirs(): void {
    const theirs = this.changedElsewhere();
    if (!theirs) return;
    this.server.set(theirs);
    this.draft.set(draftOfTask(theirs));
    this.changedElsewhere.set(null);
    this.saveError.set(null);
  }

  protected close(): void {
    if (this.dirty()) this.confirmingClose.set(true);
    else this.closed.emit();
  }

  protected answeredClose(discard: boolean): void {
    this.confirmingClose.set(false);
    if (discard) this.closed.emit();
  }

  protected warnBeforeUnload(event: BeforeUnloadEvent): void {
    if (!this.dirty()) return;
    event.preventDefault();
    event.returnValue = '';
  }

  private async load(): Promise<void> {
    // not editable until the series is here: what is typed into a blank form would be overwritten
    this.loading.set(true);
    this.loadError.set(null);
    try {
      const { task } = await this.gql.query(TaskDocument, { id: this.task().id }, { fresh: true });
      if (!task) {
        this.loadError.set({ code: 'NOT_FOUND', message: 'This task does not exist or was deleted.' });
        return;
      }
      this.server.set(task);
      this.draft.set(draftOfTask(task));
    } catch (e) {
      this.loadError.set(e as ApiError);
    } finally {
      this.loading.set(false);
    }
    queueMicrotask(() => this.titleInput()?.nativeElement.focus());
  }

  /** The version to save on is the one the server has now; the form keeps what was typed, and takes the rest from it. */
  private async showTheirs(): Promise<boolean> {
    try {
      const { task } = await this.gql.query(TaskDocument, { id: this.task().id }, { fresh: true });
      const base = this.base(), draft = this.draft();
      if (task && base && draft) {
        this.draft.set(rebaseTaskDraft(base, draft, draftOfTask(task)));
        this.server.set(task);
        this.changedElsewhere.set(task);
        return true;
      }
      return false;
    } catch {
      return false; // the conflict is shown as an error; saving again asks again
    }
  }
}
