export { startQuerySubgraph, type QuerySubgraphDependencies, type RunningQuerySubgraph } from './start-query-subgraph.js';
export { querySubgraphConfigSchema, type QuerySubgraphConfig } from './config.js';
export { schemaPath as querySubgraphSchemaPath } from './schema.js';
export type { Commands, CommandMetadata, CommandFailure, Deleted, Patch, Written } from './commands/command-port.js';
export type { JournalCommands, CreateEntry, CreateJournal, UpdateEntry, UpdateJournal } from './commands/journal-commands.js';
export type { ThoughtCommands, CaptureThought, UpdateThought } from './commands/thought-commands.js';
export type { TaskCommands, CreateTask, UpdateTask } from './commands/task-commands.js';
export type { CalendarCommands, ScheduleEvent } from './commands/calendar-commands.js';
export { CommandRejected } from './commands/command-port.js';
