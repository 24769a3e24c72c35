import type { CommandContext } from '../domain/shared/command-context.js';
import type { CommandStore } from './ports/command-store.js';

/**
 * What handlers need from the world: the write side's unit of work, a clock and an id source. The
 * composition root wires the adapters (`adapters/pg/pg-command-store.ts`); tests may swap any of them.
 */
export interface CommandEnvironment {
  readonly store: CommandStore;
  readonly now: () => Date;
  readonly newId: () => string;
}

/** The inputs a decision may use, taken from the world once, here. */
export function commandContext(environment: CommandEnvironment, freshIds = 1): CommandContext {
  return { now: environment.now().toISOString(), ids: Array.from({ length: freshIds }, environment.newId) };
}
