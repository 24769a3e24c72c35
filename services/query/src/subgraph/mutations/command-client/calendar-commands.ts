import type { CalendarEventRecord } from '../../read-model/records.js';
import type { CommandMetadata, Deleted, Written } from './command-port.js';

export interface ScheduleEvent {
  readonly title: string;
  readonly startsAt: Date;
  readonly endsAt: Date;
  readonly recurrence?: string | null | undefined;
}

export interface CalendarCommands {
  scheduleEvent(command: ScheduleEvent, metadata: CommandMetadata): Promise<Written<CalendarEventRecord>>;
  /** Cancels the event and every occurrence of a recurring one. */
  cancelEvent(id: string, metadata: CommandMetadata): Promise<Deleted>;
}
