// Issue 4: one request is one trace and one correlation id, from the gateway through the query subgraph,
// gRPC, the command service, the outbox (and, distributed, the relay and Kafka headers) to the query
// projector, whose log lines for the event carry the id. Spans go over OTLP/HTTP to a collector the test
// runs itself. Also: every role serves Prometheus `/metrics` on its ops port.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueAccessToken, loadSigningKeys } from '@mindflow/auth';
import { createTestDatabase, testServers, uniqueTopicPrefix, type TestDatabase } from '@mindflow/testing';
import { startSystem, waitUntil, type Mode, type RunningSystem } from '../system/index.js';
import { GatewayClient } from './gateway-client.js';
import * as op from './operations.js';
import { LogLines } from './test/log-lines.js';
import { startOtlpReceiver, type OtlpReceiver, type ReceivedSpan } from './test/otlp-receiver.js';

const modes: Mode[] = ['distributed', 'embedded'];
const SERVER = 2;
const CLIENT = 3;
const PRODUCER = 4;
const CONSUMER = 5;

describe.each(modes)('correlation ids and traces (%s mode)', (mode) => {
  let receiver: OtlpReceiver;
  let logs: LogLines;
  let system: RunningSystem;
  let writeDb: TestDatabase;
  let readDb: TestDatabase;
  let alice: GatewayClient;

  beforeAll(async () => {
    receiver = await startOtlpReceiver();
    logs = new LogLines();
    const servers = await testServers();
    [writeDb, readDb] = await Promise.all([createTestDatabase(`tracing-${mode}-write`), createTestDatabase(`tracing-${mode}-read`)]);
    system = await startSystem({
      mode,
      writeDatabaseUrl: writeDb.url,
      readDatabaseUrl: readDb.url,
      topicPrefix: uniqueTopicPrefix(`tracing-${mode}`),
      ...(mode === 'distributed' ? { kafkaBrokers: (await servers.kafkaBrokers()).join(','), redisUrl: await servers.redisUrl() } : {}),
      output: logs,
      // Short export delay so the test does not wait for the default 5 s batches; debug shows each applied event.
      extraEnv: { OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint, OTEL_BSP_SCHEDULE_DELAY: '200', LOG_LEVEL: 'debug' },
    });
    const keys = await loadSigningKeys();
    alice = new GatewayClient(system.gatewayUrl).withToken((await issueAccessToken({ userId: randomUUID(), roles: ['user'] }, keys)).token);
  });

  afterAll(async () => {
    await system?.stop();
    await Promise.all([writeDb?.drop(), readDb?.drop()]);
    await receiver?.close();
  });

  it('follows one createEntry from the gateway to the query projector in one trace', async () => {
    const journal = await alice.data<op.CreatedJournal>(op.createJournal, { input: { name: 'Traced' } });
    const correlationId = `trace-e2e-${randomUUID()}`;
    const created = await alice.data<op.CreatedEntry>(
      op.createEntry,
      { input: { journalId: journal.createJournal.journal.id, title: 'Followed', content: 'every hop', mood: 'GOOD', tags: [] } },
      { 'x-correlation-id': correlationId },
    );
    const entryId = created.createEntry.entry.id;

    // The gateway's request span names the correlation id; its trace is the one to follow.
    const root = await eventually('the gateway request span', () =>
      receiver.spans.find((s) => s.service === 'gateway' && s.kind === SERVER && s.attributes['mindflow.correlation_id'] === correlationId));
    const expected = ['gateway', 'query-subgraph', 'command', ...(mode === 'distributed' ? ['relay'] : []), 'query-projector'];
    const projectorSpan = (trace: ReceivedSpan[]) =>
      trace.find((s) => s.service === 'query-projector' && s.attributes['mindflow.event_type'] === 'JournalEntryCreated' && s.attributes['mindflow.aggregate_id'] === entryId);
    const trace = await eventually(`spans of ${expected.join(', ')} in trace ${root.traceId}`, () => {
      const spans = receiver.spans.filter((s) => s.traceId === root.traceId);
      return expected.every((service) => spans.some((s) => s.service === service)) && projectorSpan(spans) ? spans : undefined;
    });

    // One tree: the gateway span is the root and every other span's parent is in the trace.
    expect(root.parentSpanId).toBe('');
    const byId = new Map(trace.map((s) => [s.spanId, s]));
    for (const span of trace.filter((s) => s !== root)) expect(byId.has(span.parentSpanId), `parent of ${span.service} ${span.name}`).toBe(true);
    const parentOf = (span: ReceivedSpan) => byId.get(span.parentSpanId)!;
    const ancestors = (span: ReceivedSpan) => {
      const chain: ReceivedSpan[] = [];
      for (let at = span; at.parentSpanId && chain.length < 50; at = parentOf(at)) chain.push(parentOf(at));
      return chain;
    };

    // Each hop is a child of the hop before it, across the process boundaries.
    const subgraph = trace.find((s) => s.service === 'query-subgraph' && s.kind === SERVER)!;
    expect(parentOf(subgraph).service).toBe('gateway');
    expect(ancestors(subgraph)).toContain(root);
    const grpcClient = trace.find((s) => s.service === 'query-subgraph' && s.kind === CLIENT)!;
    expect(ancestors(grpcClient)).toContain(subgraph);
    const command = trace.find((s) => s.service === 'command' && s.kind === SERVER)!;
    expect(command.name).toBe('CommandService/CreateEntry');
    expect(parentOf(command)).toBe(grpcClient);
    const handling = trace.find((s) => s.service === 'command' && s.name === 'handle CreateEntry')!;
    expect(parentOf(handling)).toBe(command);
    const applied = projectorSpan(trace)!;
    expect(applied.kind).toBe(CONSUMER);
    if (mode === 'distributed') {
      const published = trace.find((s) => s.service === 'relay' && s.kind === PRODUCER && s.attributes['mindflow.event_type'] === 'JournalEntryCreated')!;
      expect(parentOf(published)).toBe(handling); // the outbox row kept the command's context
      expect(parentOf(applied)).toBe(published); // the Kafka headers carried the relay's
    } else {
      expect(parentOf(applied)).toBe(handling); // the projector reads the outbox row itself
    }

    // The projector's log lines for that event carry the correlation id and the trace.
    const projectorLines = await eventually('the projector log line of the event', () => {
      const lines = logs.of('query-projector').filter((l) => l['eventType'] === 'JournalEntryCreated' && l['aggregateId'] === entryId);
      return lines.length > 0 ? lines : undefined;
    });
    const appliedSpanIds = trace.filter((s) => s.service === 'query-projector' && s.attributes['mindflow.aggregate_id'] === entryId).map((s) => s.spanId);
    for (const line of projectorLines) {
      expect(line).toMatchObject({ correlationId, traceId: root.traceId, msg: 'event applied' });
      expect(appliedSpanIds).toContain(line['spanId']);
    }
    // So do the command service's.
    expect(logs.of('command').filter((l) => l['correlationId'] === correlationId && l['rpc'] === 'CreateEntry'))
      .toEqual([expect.objectContaining({ traceId: root.traceId, msg: 'command done' })]);
  });

  it('serves Prometheus metrics on the ops port of every role', async () => {
    expect(system.services.size).toBeGreaterThanOrEqual(mode === 'distributed' ? 8 : 5);
    // `client` (the SPA's static file server, present once angular-client is built) is no MindFlow service:
    // it has health endpoints only.
    for (const [name, service] of [...system.services].filter(([name]) => name !== 'client')) {
      const response = await fetch(`http://127.0.0.1:${service.boundOpsPort}/metrics`);
      expect(response.status, name).toBe(200);
      expect(response.headers.get('content-type'), name).toContain('text/plain');
      expect(await response.text(), name).toMatch(/^process_cpu_user_seconds_total\{[^}]*service="/m);
    }
  });
});

/** Polls `find` until it returns something (bounded). */
async function eventually<T>(what: string, find: () => T | undefined): Promise<T> {
  let found: T | undefined;
  await waitUntil(what, () => (found = find()) !== undefined, 60_000, 200);
  return found!;
}
