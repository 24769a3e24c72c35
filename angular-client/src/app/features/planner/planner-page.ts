import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { Gql } from '../../core/gql';
import type { ApiError } from '../../core/graphql-errors';
import { ErrorMessage } from '../../shared/error-message';
import {
  CalendarDocument, CompleteTaskDocument, CreateTaskDocument, DeleteTaskDocument, ReopenTaskDocument,
  type Priority, type TaskFieldsFragment,
} from '../../graphql/generated';
import { step, title, today, viewRange, type View } from './calendar-dates';

const recurrences = [
  { value: '', label: 'Does not repeat' },
  { value: 'FREQ=DAILY', label: 'Every day' },
  { value: 'FREQ=WEEKLY', label: 'Every week' },
  { value: 'FREQ=MONTHLY', label: 'Every month' },
] as const;

@Component({
  selector: 'mf-planner-page',
  imports: [FormsModule, ErrorMessage],
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
  protected draft = { title: '', date: today(), dueTime: '', priority: 'MEDIUM' as Priority, recurrence: '' };

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

  protected async create(): Promise<void> {
    const d = this.draft;
    if (!d.title.trim()) return;
    await this.run(async () => {
      const { createTask } = await this.gql.mutate(CreateTaskDocument, {
        input: {
          title: d.title.trim(), date: d.date, priority: d.priority,
          ...(d.dueTime ? { dueTime: d.dueTime } : {}), ...(d.recurrence ? { recurrence: d.recurrence } : {}),
        },
        idempotencyKey: crypto.randomUUID(),
      });
      this.draft = { ...d, title: '' };
      this.day.set(d.date);
      await this.calendar.refetch({ consistentWith: createTask.consistencyToken });
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
