import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { Gql } from '../../core/gql';
import type { ApiError } from '../../core/graphql-errors';
import { ConfirmDialog } from '../../shared/confirm-dialog';
import { ErrorMessage } from '../../shared/error-message';
import { fieldProblems, generalError } from '../../shared/field-problems';
import {
  CalendarDocument, CancelEventDocument, CompleteTaskDocument, CreateTaskDocument, DeleteTaskDocument, ReopenTaskDocument,
  ScheduleEventDocument, type EventFieldsFragment, type Priority, type TaskFieldsFragment,
} from '../../graphql/generated';
import { step, title, today, viewRange, type View } from './calendar-dates';
import { isOverdue } from './overdue';
import {
  afterCreate, canSaveEvent, canSaveTask, createTaskInput, eventFormFields, eventLimits, eventProblems, newEventDraft,
  newTaskDraft, recurrences, taskFormFields, taskLimits, taskProblems, type EventDraft, type TaskDraft,
} from './task-draft';
import { ReminderField } from './reminder-field';
import { TaskEditor } from './task-editor';
import { ReminderLabelPipe } from './task-reminder';
import { timeOfDay, userTimeZone, zonedInstant } from './zoned-time';

@Component({
  selector: 'mf-planner-page',
  imports: [FormsModule, ErrorMessage, ConfirmDialog, TaskEditor, ReminderField, ReminderLabelPipe],
  templateUrl: './planner-page.html',
  styleUrl: './planner-page.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PlannerPage {
  private readonly gql = inject(Gql);
  protected readonly view = signal<View>('week');
  protected readonly day = signal(today());
  protected readonly today = today();
  protected readonly range = computed(() => viewRange(this.view(), this.day()));
  protected readonly calendar = this.gql.watch(CalendarDocument, () => this.range());
  protected readonly days = computed(() => this.calendar.data()?.calendar ?? []);
  protected readonly heading = computed(() => title(this.view(), this.day()));
  protected readonly error = signal<ApiError | null>(null);
  protected readonly busy = signal<string | null>(null);
  protected readonly recurrences = recurrences;
  protected readonly views: readonly { value: View; label: string }[] = [
    { value: 'day', label: 'Day' }, { value: 'week', label: 'Week' }, { value: 'month', label: 'Month' },
  ];
  protected readonly priorities: Priority[] = ['LOW', 'MEDIUM', 'HIGH', 'URGENT'];
  protected readonly taskLimits = taskLimits;
  protected readonly eventLimits = eventLimits;
  /** The user's time zone: due times and event times are read in it. */
  protected readonly timeZone = userTimeZone();
  /** The time overdue is measured against: moves on every minute. */
  protected readonly now = signal(new Date());

  protected readonly draft = signal<TaskDraft>(newTaskDraft(today()));
  protected readonly createError = signal<ApiError | null>(null);
  protected readonly taskProblems = computed(() => fieldProblems(this.createError(), taskFormFields, taskProblems(this.draft())));
  protected readonly taskGeneralError = computed(() => generalError(this.createError(), taskFormFields));
  protected readonly canCreateTask = computed(() => canSaveTask(this.draft()));

  protected readonly eventDraft = signal<EventDraft>(newEventDraft(today()));
  protected readonly eventError = signal<ApiError | null>(null);
  protected readonly eventProblems = computed(() => fieldProblems(this.eventError(), eventFormFields, eventProblems(this.eventDraft())));
  protected readonly eventGeneralError = computed(() => generalError(this.eventError(), eventFormFields));
  protected readonly canCreateEvent = computed(() => canSaveEvent(this.eventDraft()));

  /** The task whose title was clicked: edited in a dialog. */
  protected readonly editing = signal<TaskFieldsFragment | null>(null);
  /** On a phone the new-task form is folded behind its button (CSS), so the calendar starts on the first screen. */
  protected readonly taskFormOpen = signal(false);
  /** A repeating event about to be cancelled (every occurrence goes). */
  protected readonly cancelling = signal<EventFieldsFragment | null>(null);

  constructor() {
    const timer = setInterval(() => this.now.set(new Date()), 60_000);
    inject(DestroyRef).onDestroy(() => clearInterval(timer));
  }

  protected move(direction: 1 | -1): void {
    this.day.set(step(this.view(), this.day(), direction));
  }

  protected weekday(day: string): string {
    return new Date(`${day}T00:00:00Z`).toLocaleDateString('en', { weekday: 'short', day: 'numeric', timeZone: 'UTC' });
  }

  protected outside(day: string): boolean {
    return this.view() === 'month' && day.slice(0, 7) !== this.day().slice(0, 7);
  }

  /** One occurrence of a recurring task (its day), or a one-off task: what a checkbox stands for. */
  protected occurrenceKey(task: TaskFieldsFragment): string {
    return task.occurrence ? `${task.id}@${task.occurrence}` : task.id;
  }

  protected overdue(task: TaskFieldsFragment): boolean {
    return isOverdue(task, this.now(), this.timeZone);
  }

  protected eventTimes(event: EventFieldsFragment): string {
    return `${timeOfDay(event.startsAt, this.timeZone)}–${timeOfDay(event.endsAt, this.timeZone)}`;
  }

  protected sortedEvents(events: readonly EventFieldsFragment[]): EventFieldsFragment[] {
    return [...events].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  }

  /** Ticks (or unticks) only this occurrence of a recurring task: its day goes with the task's id. */
  protected async toggle(task: TaskFieldsFragment): Promise<void> {
    this.busy.set(this.occurrenceKey(task));
    await this.run(async () => {
      const variables = { id: task.id, occurrence: task.occurrence ?? null };
      const result = task.completed
        ? (await this.gql.mutate(ReopenTaskDocument, variables)).reopenTask
        : (await this.gql.mutate(CompleteTaskDocument, variables)).completeTask;
      await this.calendar.refetch({ consistentWith: result.consistencyToken });
    });
    this.busy.set(null);
  }

  protected async remove(task: TaskFieldsFragment): Promise<void> {
    await this.run(async () => {
      const { deleteTask } = await this.gql.mutate(DeleteTaskDocument, { id: task.id });
      await this.calendar.refetch({ consistentWith: deleteTask.consistencyToken });
    });
  }

  protected updateDraft(patch: Partial<TaskDraft>): void {
    this.draft.update((d) => ({ ...d, ...patch }));
    const refused = this.createError()?.field;
    if (refused && refused in patch) this.createError.set(null);
  }

  protected updateEventDraft(patch: Partial<EventDraft>): void {
    this.eventDraft.update((d) => ({ ...d, ...patch }));
    const refused = this.eventError()?.field;
    const touches: Record<string, keyof EventDraft> = { title: 'title', startsAt: 'start', endsAt: 'end', recurrence: 'recurrence' };
    if (refused && (touches[refused] ?? '') in patch) this.eventError.set(null);
    if (refused === 'startsAt' && 'date' in patch) this.eventError.set(null);
  }

  /** A new task; the form is blank again afterwards (due time, priority and repeat too), on the same day. */
  protected async create(event?: Event): Promise<void> {
    event?.preventDefault();
    const d = this.draft();
    if (!canSaveTask(d)) return;
    this.createError.set(null);
    try {
      const { createTask } = await this.gql.mutate(CreateTaskDocument, { input: createTaskInput(d), idempotencyKey: crypto.randomUUID() });
      this.draft.set(afterCreate(d));
      this.day.set(d.date);
      await this.calendar.refetch({ consistentWith: createTask.consistencyToken });
    } catch (e) {
      this.createError.set(e as ApiError); // the form keeps what was typed
    }
  }

  protected async createEvent(event?: Event): Promise<void> {
    event?.preventDefault();
    const d = this.eventDraft();
    if (!canSaveEvent(d)) return;
    this.eventError.set(null);
    try {
      const { scheduleEvent } = await this.gql.mutate(ScheduleEventDocument, {
        input: {
          title: d.title.trim(),
          startsAt: zonedInstant(d.date, d.start, this.timeZone).toISOString(),
          endsAt: zonedInstant(d.date, d.end, this.timeZone).toISOString(),
          ...(d.recurrence ? { recurrence: d.recurrence } : {}),
        },
      });
      this.eventDraft.set(newEventDraft(d.date));
      this.day.set(d.date);
      await this.calendar.refetch({ consistentWith: scheduleEvent.consistencyToken });
    } catch (e) {
      this.eventError.set(e as ApiError);
    }
  }

  /** A one-off event goes at once; a repeating one asks first (every occurrence goes). */
  protected removeEvent(event: EventFieldsFragment): void {
    if (event.recurrence) this.cancelling.set(event);
    else void this.cancelEvent(event);
  }

  protected answeredCancel(confirmed: boolean): void {
    const event = this.cancelling();
    this.cancelling.set(null);
    if (confirmed && event) void this.cancelEvent(event);
  }

  protected async edited(consistencyToken: string): Promise<void> {
    this.editing.set(null);
    await this.calendar.refetch({ consistentWith: consistencyToken });
  }

  private async cancelEvent(event: EventFieldsFragment): Promise<void> {
    await this.run(async () => {
      const { cancelEvent } = await this.gql.mutate(CancelEventDocument, { id: event.id });
      await this.calendar.refetch({ consistentWith: cancelEvent.consistencyToken });
    });
  }

  private async run(action: () => Promise<void>): Promise<void> {
    this.error.set(null);
    try {
      await action();
    } catch (e) {
      this.error.set(e as ApiError);
    }
  }
}
