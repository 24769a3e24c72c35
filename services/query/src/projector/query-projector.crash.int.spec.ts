import { createPool } from '@mindflow/db';
import { createTestDatabase, testServers, uniqueTopicPrefix } from '@mindflow/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { journalScenario } from './test/journal-scenario.js';
import { KafkaPublisher } from './test/kafka-publisher.js';
import { appliedCount, whenApplied } from './test/progress.js';
import { ProjectorProcess } from './test/projector-process.js';
import { expectedReadModel, readModelSnapshot } from './test/read-model-snapshot.js';

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

describe('query projector process killed with SIGKILL mid-stream', () => {
  it('ends, once restarted, with exactly the right read model (every entry once, exact entry counts)', async () => {
    const brokers = await (await testServers()).kafkaBrokers();
    const prefix = uniqueTopicPrefix('crash');
    const readDb = await createTestDatabase('query_crash');
    const publisher = await KafkaPublisher.connect(prefix, 6);
    const pool = createPool(readDb.url, { applicationName: 'crash-test', max: 2 });
    cleanups.push(() => readDb.drop(), () => pool.end(), () => publisher.close());
    const env = { MINDFLOW_MODE: 'distributed', READ_DATABASE_URL: readDb.url, KAFKA_BROKERS: brokers.join(','), KAFKA_TOPIC_PREFIX: prefix, KAFKA_SESSION_TIMEOUT_MS: '6000' };

    const events = journalScenario({ seed: 21, users: 6, journalsPerUser: 3, entries: 2_000, edits: 2_000 });
    await publisher.publish(events);

    let kills = 0;
    for (let round = 0; round < 3; round++) {
      const projector = new ProjectorProcess(env);
      cleanups.push(() => projector.stop());
      projector.start();
      // Kill it while it is busy: after it has applied more than last time, before it has applied everything.
      const before = await appliedCount(pool).catch(() => 0);
      const deadline = Date.now() + 60_000;
      let applied = before;
      while (Date.now() < deadline && (applied <= before + 200 || applied === 0)) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        applied = await appliedCount(pool).catch(() => 0);
      }
      if (applied >= events.length) {
        await projector.stop();
        break;
      }
      expect(applied, projector.output).toBeGreaterThan(before);
      await projector.kill();
      kills += 1;
      console.info(`[crash] round ${round}: killed with ${applied} of ${events.length} applied`);
    }
    expect(kills).toBeGreaterThan(0);

    const last = new ProjectorProcess(env);
    cleanups.push(() => last.stop());
    last.start();
    await whenApplied(pool, events, 90_000).catch((error: Error) => {
      throw new Error(`${error.message}\n${last.output}`);
    });
    const snapshot = await readModelSnapshot(pool);
    expect(snapshot).toEqual(expectedReadModel(events));
    await last.stop();
  }, 240_000);
});
