// `npx tsx tools/src/projections/rebuild.ts --projection query`: rebuilds a projection from the start of
// the log into a fresh schema while the live projector keeps serving, then swaps it in atomically
// (libs/event-log rebuildProjection). Configured by the projector's environment variables.
import { rebuildProjection } from '@mindflow/event-log';
import { projectionFromArgs } from './projection-target.js';

const target = await projectionFromArgs('rebuild');
const eventLog = target.eventLog();
try {
  const report = await rebuildProjection({
    projection: target.definition, eventLog, readDatabaseUrl: target.readDatabaseUrl, group: target.group, log: target.log, maxAttempts: target.maxAttempts,
  });
  console.log(
    `rebuilt ${target.definition.name}: ${report.applied} events in ${report.seconds.toFixed(1)} s (${report.eventsPerSecond}/s); ` +
      `swapped in ${report.relations.join(', ')}; replaced objects kept in schema ${report.retiredSchema}`,
  );
  if (report.deadLetters > 0) console.log(`${report.deadLetters} events are parked as dead letters: see dead-letters.ts, then redrive.ts`);
} catch (error) {
  console.error(`rebuild failed (the live projection is untouched): ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await eventLog.close();
}
