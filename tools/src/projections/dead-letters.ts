// `npx tsx tools/src/projections/dead-letters.ts --projection query`: what is parked, per aggregate, with
// the error that parked it (the first letter of each aggregate is the one that failed).
import { createPool } from '@mindflow/db';
import { projectionFromArgs } from './projection-target.js';

const target = await projectionFromArgs('dead-letters');
const readPool = createPool(target.readDatabaseUrl, { applicationName: 'projections-dead-letters', max: 1 });
try {
  const { rows } = await readPool.query<{ aggregate_id: string | null; letters: string; first_version: number | null; event_type: string | null; error: string | null; attempts: number; parked_at: Date }>(
    `SELECT DISTINCT ON (aggregate_id) aggregate_id, count(*) OVER (PARTITION BY aggregate_id) AS letters, version AS first_version,
            event_type, error, attempts, parked_at
     FROM dead_letters WHERE projection = $1 ORDER BY aggregate_id, id`,
    [target.definition.name],
  ).catch((error: unknown) => {
    if ((error as { code?: string }).code === '42P01') return { rows: [] }; // no dead_letters table yet: nothing was ever parked
    throw error;
  });
  if (rows.length === 0) console.log(`nothing parked in ${target.definition.name}`);
  for (const r of rows) {
    console.log(`${r.aggregate_id ?? '(no aggregate)'}  ${r.letters} parked from v${r.first_version ?? '?'} ${r.event_type ?? ''}  attempts ${r.attempts}  since ${r.parked_at.toISOString()}\n    ${r.error ?? ''}`);
  }
} finally {
  await readPool.end();
}
