import { createPool } from '@mindflow/db';
import { freePort } from '@mindflow/platform';
import { createTestDatabase, testServers, uniqueTopicPrefix } from '@mindflow/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { journalScenario } from './test/journal-scenario.js';
import { KafkaPublisher } from './test/kafka-publisher.js';
import { ProjectorProcess } from './test/projector-process.js';
import { whenApplied } from './test/progress.js';

// Readiness of the query projector process (projector-main.ts) on real Kafka: /health/ready stays false
// while it catches up from far behind (PROJECTOR_READY_MAX_LAG_EVENTS), turns true once caught up, and
// the lag is on /metrics in events and milliseconds.

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

interface Probe { status: number; checks: Record<string, boolean> }

describe('query projector readiness', () => {
  it('is not ready while far behind, then ready once caught up', async () => {
    const brokers = (await (await testServers()).kafkaBrokers()).join(',');
    const prefix = uniqueTopicPrefix('ready');
    const readDb = await createTestDatabase('query_ready');
    const pool = createPool(readDb.url, { applicationName: 'readiness-test', max: 2 });
    const publisher = await KafkaPublisher.connect(prefix);
    cleanups.push(() => readDb.drop(), () => pool.end(), () => publisher.close());
    const events = journalScenario({ seed: 31, users: 6, journalsPerUser: 2, entries: 2_500, edits: 3_500 });
    await publisher.publish(events); // the backlog it starts far behind

    const opsPort = await freePort();
    const projector = new ProjectorProcess({
      MINDFLOW_MODE: 'distributed', READ_DATABASE_URL: readDb.url, KAFKA_BROKERS: brokers, KAFKA_TOPIC_PREFIX: prefix,
      QUERY_PROJECTOR_GROUP: `${prefix}.query`, KAFKA_SESSION_TIMEOUT_MS: '10000', OPS_PORT: String(opsPort),
      PROJECTOR_READY_MAX_LAG_EVENTS: '200', PROJECTOR_READY_MAX_LAG_MS: '600000', PROJECTOR_LAG_POLL_MS: '200',
    });
    projector.start();
    cleanups.push(() => projector.stop());

    const probes: Probe[] = [];
    const lagSeen: number[] = [];
    const deadline = Date.now() + 90_000;
    while (Date.now() < deadline) {
      const probe = await fetch(`http://127.0.0.1:${opsPort}/health/ready`).then(
        async (r) => ({ status: r.status, checks: ((await r.json()) as { checks: Record<string, boolean> }).checks }),
        () => undefined, // not listening yet
      );
      if (probe) {
        probes.push(probe);
        const metrics = await (await fetch(`http://127.0.0.1:${opsPort}/metrics`)).text();
        const lag = /^mindflow_projector_lag_events\{[^}]*projection="query"[^}]*\} (\d+)/m.exec(metrics);
        if (lag) lagSeen.push(Number(lag[1]));
        if (probe.status === 200) {
          expect(metrics).toMatch(/^mindflow_projector_lag_ms\{[^}]*projection="query"[^}]*\} \d+/m);
          break;
        }
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(probes.at(-1), projector.output).toEqual({ status: 200, checks: { consuming: true, caughtUp: true } });
    expect(probes).toContainEqual({ status: 503, checks: { consuming: true, caughtUp: false } }); // consuming, yet far behind
    expect(Math.max(...lagSeen)).toBeGreaterThan(200);
    await whenApplied(pool, events, 60_000);
  }, 150_000);
});
