// `npx tsx tools/src/projections/redrive.ts --projection query`: once the cause is fixed (and deployed),
// re-applies the projection's dead letters, per aggregate in version order, through the runtime's rules
// (libs/event-log redriveDeadLetters). Exit code 0: nothing parked any more; 3: some still are (each
// with its new error; see dead-letters.ts); 1: the redrive could not run.
import { createPool } from '@mindflow/db';
import { redriveDeadLetters } from '@mindflow/event-log';
import { projectionFromArgs } from './projection-target.js';

const target = await projectionFromArgs('redrive');
const readPool = createPool(target.readDatabaseUrl, { applicationName: 'projections-redrive', max: 2 });
try {
  const report = await redriveDeadLetters({ projection: target.definition.name, readPool, readModels: target.definition.readModels, log: target.log });
  console.log(
    `redrive of ${target.definition.name}: ${report.applied} applied, ${report.skipped} already applied, ` +
      `${report.aggregatesCleared} aggregates cleared, ${report.stillParked} letters still parked (${report.aggregatesStillParked} aggregates)`,
  );
  process.exitCode = report.stillParked === 0 ? 0 : 3;
} catch (error) {
  console.error(`redrive failed (run it again): ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await readPool.end();
}
