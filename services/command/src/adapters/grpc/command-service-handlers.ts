import type { CommandServiceHandlers } from '@mindflow/proto';
import type { Logger } from '@mindflow/platform';
import type { CommandEnvironment } from '../../application/command-environment.js';
import { calendarEventRpcs } from './calendar-event-rpcs.js';
import { entryRpcs } from './entry-rpcs.js';
import { journalRpcs } from './journal-rpcs.js';
import { taskRpcs } from './task-rpcs.js';
import { thoughtRpcs } from './thought-rpcs.js';

/** Every rpc of command.proto's CommandService, by name (the compiler checks none is missing). */
export function commandServiceHandlers(environment: CommandEnvironment, log: Logger): CommandServiceHandlers {
  return {
    ...journalRpcs(environment, log),
    ...entryRpcs(environment, log),
    ...thoughtRpcs(environment, log),
    ...taskRpcs(environment, log),
    ...calendarEventRpcs(environment, log),
  };
}
