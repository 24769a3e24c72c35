// What the resolvers of a schema type receive as its parent, and return for it, where that is not the
// generated type itself (codegen.ts's mappers): read-side records, connections of them (their
// `totalCount` a function graphql-js calls only when asked), a key for entities other subgraphs own.
import type { Connection } from '../read-model/connection.js';
import type { CalendarEventRecord, EntryRecord, JournalRecord, TaskRecord, ThoughtRecord } from '../read-model/records.js';

export type { CalendarEventRecord, EntryRecord, JournalRecord, TaskRecord, ThoughtRecord } from '../read-model/records.js';
export type { DashboardRoot } from './dashboard-resolvers.js';

export type JournalConnectionParent = Connection<JournalRecord>;
export type EntryConnectionParent = Connection<EntryRecord>;
export type ThoughtConnectionParent = Connection<ThoughtRecord>;
export type TaskConnectionParent = Connection<TaskRecord>;
export type CalendarEventConnectionParent = Connection<CalendarEventRecord>;

/** `User` as this subgraph knows it: identity owns it, this subgraph adds fields by its key. */
export interface UserKey {
  readonly id: string;
}
