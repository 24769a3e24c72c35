import type { CalendarEvent as WrittenEvent, CommandClient } from '@mindflow/proto';
import type { CalendarEventRecord } from '../../read-model/records.js';
import type { CalendarCommands } from './calendar-commands.js';
import { callContext, commandCall, deleted, optional, written } from './grpc-call.js';

/** Calendar events over gRPC (command.proto `ScheduleEvent`, `CancelEvent`). */
export function grpcCalendarCommands(client: CommandClient): CalendarCommands {
  return {
    async scheduleEvent(command, metadata) {
      const input = {
        title: command.title,
        startsAt: command.startsAt.toISOString(),
        endsAt: command.endsAt.toISOString(),
        ...optional('recurrence', command.recurrence),
      };
      const result = await commandCall(() => client.scheduleEvent({ input }, callContext(metadata)));
      return written(result.event, result.consistencyToken, (e) => calendarEventRecord(e, metadata.userId));
    },

    async cancelEvent(id, metadata) {
      return deleted(await commandCall(() => client.cancelEvent({ id }, callContext(metadata))));
    },
  };
}

function calendarEventRecord(event: WrittenEvent, ownerId: string): CalendarEventRecord {
  return {
    id: event.id,
    ownerId,
    title: event.title,
    startsAt: new Date(event.startsAt),
    endsAt: new Date(event.endsAt),
    recurrence: event.recurrence ?? null,
    version: event.version,
    createdAt: new Date(event.createdAt),
    updatedAt: new Date(event.updatedAt),
  };
}
