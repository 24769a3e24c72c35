import type { CalendarCommands } from './calendar-commands.js';
import type { EntryCommands } from './entry-commands.js';
import type { JournalCommands } from './journal-commands.js';
import type { TaskCommands } from './task-commands.js';
import type { ThoughtCommands } from './thought-commands.js';

// The command service as the mutation resolvers see it: one port, split by aggregate into small
// interfaces. The gRPC adapter (grpc-commands.ts) implements it with @mindflow/proto.

/** Travels as gRPC metadata `x-user-id`, `x-correlation-id`, `x-idempotency-key`. */
export interface CommandMetadata {
  readonly userId: string;
  readonly correlationId: string;
  readonly idempotencyKey?: string | undefined;
  /** The caller's roles (the command service derives the plan from them: `premium`). */
  readonly roles?: readonly string[] | undefined;
}

/** What a command wrote, as the command side saw it, and the token to read it back. */
export interface Written<T> {
  readonly record: T;
  readonly consistencyToken: string;
}

/** What a delete (or cancel) wrote: the aggregate's last version, when, and the token to read it back. */
export interface Deleted {
  readonly id: string;
  readonly version: number;
  readonly deletedAt: Date;
  readonly consistencyToken: string;
}

/**
 * A partial update: an absent field stays as it is, `null` clears it (the command service refuses to
 * clear a field that cannot be empty, naming it), a value replaces it.
 */
export type Patch<T> = { readonly [K in keyof T]?: T[K] | null | undefined };

/** A refusal by the command service, in @mindflow/proto's `ApiError` vocabulary. */
export interface CommandFailure {
  readonly code: string;
  readonly message: string;
  readonly field?: string | undefined;
  readonly currentVersion?: number | undefined;
  readonly retryAfterMs?: number | undefined;
}

export class CommandRejected extends Error {
  override readonly name = 'CommandRejected';
  constructor(readonly failure: CommandFailure) {
    super(failure.message);
  }
}

export interface Commands extends JournalCommands, EntryCommands, ThoughtCommands, TaskCommands, CalendarCommands {
  close(): void;
}
