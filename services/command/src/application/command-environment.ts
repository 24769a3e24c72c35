import { randomUUID } from 'node:crypto';
import type { Pool } from '@mindflow/db';
import type { CommandContext } from '../domain/shared/command-context.js';

/** What handlers need from the world: the write DB, a clock and an id source (swappable in tests). */
export interface CommandEnvironment {
  readonly pool: Pool;
  readonly now: () => Date;
  readonly newId: () => string;
}

export function commandEnvironment(pool: Pool): CommandEnvironment {
  return { pool, now: () => new Date(), newId: randomUUID };
}

/** The inputs a decision may use, taken from the world once, here. */
export function commandContext(environment: CommandEnvironment, freshIds = 1): CommandContext {
  return { now: environment.now().toISOString(), ids: Array.from({ length: freshIds }, environment.newId) };
}
