import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { chooseReminder, reminderLimits, reminderModes, type ReminderDraft, type ReminderMode } from './task-reminder';

/** A task form's reminder (issue 14): none, at a day and time, or N minutes before the due time (of every occurrence). */
@Component({
  selector: 'mf-reminder-field',
  imports: [FormsModule],
  template: `
    @let d = draft();
    <div class="field">
      <label [for]="idPrefix() + '-reminder'">Reminder</label>
      <select [id]="idPrefix() + '-reminder'" name="reminder" [ngModel]="d.reminder" (ngModelChange)="choose($event)">
        @for (m of modes; track m.value) { <option [value]="m.value">{{ m.label }}</option> }
      </select>
    </div>
    @if (d.reminder === 'at') {
      <div class="field">
        <label [for]="idPrefix() + '-remind-at'">Remind me at</label>
        <input [id]="idPrefix() + '-remind-at'" name="remindAt" type="datetime-local" [ngModel]="d.remindAt" (ngModelChange)="changed.emit({ remindAt: $event })"
               [attr.aria-invalid]="problems().remindAt ? true : null" [attr.aria-describedby]="problems().remindAt ? idPrefix() + '-remind-at-problem' : null" />
        @if (problems().remindAt; as p) { <p [id]="idPrefix() + '-remind-at-problem'" class="field-problem">{{ p }}</p> }
      </div>
    } @else if (d.reminder === 'before') {
      <div class="field">
        <label [for]="idPrefix() + '-remind-before'">Minutes before</label>
        <input [id]="idPrefix() + '-remind-before'" name="reminderMinutesBefore" type="number" inputmode="numeric" min="0" [max]="limits.minutesBefore" step="5"
               [ngModel]="d.reminderMinutesBefore" (ngModelChange)="changed.emit({ reminderMinutesBefore: $event === null ? '' : String($event) })"
               [attr.aria-invalid]="problems().reminderMinutesBefore ? true : null"
               [attr.aria-describedby]="idPrefix() + '-remind-before-hint' + (problems().reminderMinutesBefore ? ' ' + idPrefix() + '-remind-before-problem' : '')" />
        <p [id]="idPrefix() + '-remind-before-hint'" class="muted hint">Before the due time (09:00 without one){{ repeats() ? ', every occurrence' : '' }}.</p>
        @if (problems().reminderMinutesBefore; as p) { <p [id]="idPrefix() + '-remind-before-problem'" class="field-problem">{{ p }}</p> }
      </div>
    }`,
  styles: `:host { display: contents; } .hint { font-size: .8rem; margin: .2rem 0 0; }`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReminderField {
  /** Distinguishes the ids of two forms on one page. */
  readonly idPrefix = input.required<string>();
  readonly draft = input.required<ReminderDraft & { date: string; dueTime: string }>();
  readonly problems = input<{ remindAt?: string | undefined; reminderMinutesBefore?: string | undefined }>({});
  readonly repeats = input(false);
  readonly changed = output<Partial<ReminderDraft>>();
  protected readonly modes = reminderModes;
  protected readonly limits = reminderLimits;
  protected readonly String = String;

  protected choose(mode: ReminderMode): void {
    this.changed.emit(chooseReminder(mode, this.draft()));
  }
}
