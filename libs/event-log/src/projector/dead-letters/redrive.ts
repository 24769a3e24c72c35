import { withTransaction, type Pool, type PoolClient } from '@mindflow/db';
import { parseEvent, type AnyEvent } from '@mindflow/events';
import type { Logger } from '@mindflow/platform';
import { failureKind } from '../failure-kind.js';
import { applyHandlers, lockSharedKeys, type ReadModel } from '../projection-handlers.js';
import { currentSchema, lockProjection, projectionLockKey } from '../projection-lock.js';
import { ChunkVersions } from '../projection-versions.js';
import { VersionGapError } from '../version-decision.js';
import { describeError, parkedAmong, prepareDeadLetters } from './dead-letter-store.js';

export interface RedriveOptions {
  readonly projection: string;
  /** The read DB of the live projection (its schema is where the dead letters are). */
  readonly readPool: Pool;
  /** The (fixed) read models, exactly as the projector runs them. */
  readonly readModels: readonly ReadModel[];
  readonly log: Logger;
}

export interface RedriveReport {
  /** Parked events applied now. */
  readonly applied: number;
  /** Parked events whose version was already applied: removed. */
  readonly skipped: number;
  /** Letters still parked (their aggregate's first one failed again, with its new error recorded). */
  readonly stillParked: number;
  readonly aggregatesCleared: number;
  readonly aggregatesStillParked: number;
}

interface LetterRow {
  id: string;
  aggregate_id: string | null;
  event: unknown;
  raw: Buffer | null;
}

type Step = 'applied' | 'skipped' | 'failed' | 'empty';

/**
 * Re-applies parked events through the runtime's rules: per aggregate, in park order (its version
 * order), each in its own transaction that holds the projection still (exclusive projection lock; the
 * live projector waits a moment), decides by `projection_versions` (duplicate → removed, next → applied,
 * gap → stays), runs the same handlers, and removes the letter. The first letter of an aggregate that
 * fails again stays parked with the new error, and so do the ones behind it. A transient failure (the
 * read DB) aborts the redrive with nothing recorded: run it again.
 * Letters with no aggregate (unreadable messages) are tried last: applied when they now parse into the
 * next version of an aggregate that is not parked, removed when already applied, else left.
 */
export async function redriveDeadLetters(options: RedriveOptions): Promise<RedriveReport> {
  const { projection, readPool, readModels } = options;
  await prepareDeadLetters(readPool);
  const schema = await currentSchema(readPool);
  const lockKey = projectionLockKey(projection, schema);
  const log = options.log.child({ projection, schema });
  const counts = { applied: 0, skipped: 0, stillParked: 0, aggregatesCleared: 0, aggregatesStillParked: 0 };

  async function next(tx: PoolClient, aggregateId: string | null, afterId: string): Promise<{ step: Step; id?: string }> {
    await lockProjection(tx, lockKey, 'exclusive');
    const { rows } = await tx.query<LetterRow>(
      aggregateId
        ? `SELECT id::text, aggregate_id, event, raw FROM dead_letters WHERE projection = $1 AND aggregate_id = $2 ORDER BY id LIMIT 1`
        : `SELECT id::text, aggregate_id, event, raw FROM dead_letters WHERE projection = $1 AND aggregate_id IS NULL AND id > $2 ORDER BY id LIMIT 1`,
      aggregateId ? [projection, aggregateId] : [projection, afterId],
    );
    const letter = rows[0];
    if (!letter) return { step: 'empty' };
    await tx.query('SAVEPOINT redrive');
    try {
      const event = readLetter(letter);
      await lockSharedKeys(readModels, [event], tx, `${schema}:`);
      const versions = await ChunkVersions.lock(tx, projection, [event.aggregateId]);
      const decision = versions.decide(event.aggregateId, event.aggregateVersion);
      if (decision.kind === 'duplicate') {
        await tx.query('DELETE FROM dead_letters WHERE id = $1', [letter.id]);
        return { step: 'skipped', id: letter.id };
      }
      if (!aggregateId && (await parkedAmong(tx, projection, [event.aggregateId])).size > 0) {
        throw new Error(`aggregate ${event.aggregateId} is parked: redrive again once it is cleared`);
      }
      if (decision.kind === 'gap') throw new VersionGapError(projection, event.aggregateId, decision.expected, event.aggregateVersion);
      versions.advance(event.aggregateId, event.aggregateVersion);
      await applyHandlers(readModels, event, tx);
      await versions.save(tx);
      await tx.query('DELETE FROM dead_letters WHERE id = $1', [letter.id]);
      log.info({ aggregateId: event.aggregateId, aggregateVersion: event.aggregateVersion, eventType: event.eventType, eventId: event.eventId }, 'dead letter re-applied');
      return { step: 'applied', id: letter.id };
    } catch (error) {
      if (failureKind(error) === 'transient') throw error;
      await tx.query('ROLLBACK TO SAVEPOINT redrive');
      await tx.query('UPDATE dead_letters SET error = $2, attempts = attempts + 1 WHERE id = $1', [letter.id, describeError(error)]);
      log.warn({ err: error, letterId: letter.id, aggregateId: letter.aggregate_id }, 'dead letter failed again: it stays parked (with the events behind it)');
      return { step: 'failed', id: letter.id };
    }
  }

  const { rows: aggregates } = await readPool.query<{ aggregate_id: string }>(
    `SELECT aggregate_id FROM dead_letters WHERE projection = $1 AND aggregate_id IS NOT NULL GROUP BY aggregate_id ORDER BY min(id)`,
    [projection],
  );
  for (const { aggregate_id: aggregateId } of aggregates) {
    for (;;) {
      const { step } = await withTransaction(readPool, (tx) => next(tx, aggregateId, '0'));
      if (step === 'applied') counts.applied += 1;
      else if (step === 'skipped') counts.skipped += 1;
      else {
        if (step === 'empty') counts.aggregatesCleared += 1;
        else counts.aggregatesStillParked += 1;
        break;
      }
    }
  }
  for (let after = '0'; ;) {
    const { step, id } = await withTransaction(readPool, (tx) => next(tx, null, after));
    if (step === 'empty') break;
    if (step === 'applied') counts.applied += 1;
    else if (step === 'skipped') counts.skipped += 1;
    after = id!;
  }
  const { rows } = await readPool.query<{ n: string }>('SELECT count(*) AS n FROM dead_letters WHERE projection = $1', [projection]);
  const report = { ...counts, stillParked: Number(rows[0]?.n ?? 0) };
  log.info(report, report.stillParked === 0 ? 'redrive finished: nothing parked' : 'redrive finished: some letters are still parked');
  return report;
}

/** The letter's event: as it was read, or parsed anew from the message's bytes (a consumer upgraded since). */
function readLetter(letter: LetterRow): AnyEvent {
  if (letter.event !== null && letter.event !== undefined) return parseEvent(letter.event);
  if (!letter.raw) throw new Error('dead letter has neither an event nor raw bytes');
  return parseEvent(JSON.parse(letter.raw.toString('utf8')));
}
