// npx tsx tools/src/drills/create-entry-load.ts [--mode embedded|distributed] [--clients 24] [--seconds 60] [--logs file]
// Issue 13's "one 500 on createEntry { entry { journal } } at high load": a bounded burst of concurrent clients,
// each its own user with a journal, creating entries through the gateway as fast as answers come back and
// selecting entry { journal { id title } }; counts every answer by HTTP status and error code, keeps examples.
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { issueAccessToken, loadSigningKeys } from '@mindflow/auth';
import { JsonClient, type GraphQLBody } from '../bench/http-client.js';
import { createTestDatabase, testServers, uniqueRedisPrefix, uniqueTopicPrefix } from '../bench/servers.js';
import { startSystem, type Mode } from '../system/index.js';

const { values } = parseArgs({
  options: {
    mode: { type: 'string', default: 'embedded' },
    clients: { type: 'string', default: '24' },
    seconds: { type: 'string', default: '60' },
    logs: { type: 'string' },
  },
});
const mode = values.mode as Mode;
const clients = Number(values.clients);
const seconds = Number(values.seconds);

const write = await createTestDatabase('load500-write');
const read = await createTestDatabase('load500-read');
const servers = mode === 'distributed' ? await testServers() : undefined;
const output = values.logs ? createWriteStream(values.logs) : null;
const system = await startSystem({
  mode, writeDatabaseUrl: write.url, readDatabaseUrl: read.url, output,
  ...(servers ? { kafkaBrokers: (await servers.kafkaBrokers()).join(','), redisUrl: await servers.redisUrl(), topicPrefix: uniqueTopicPrefix('load500'), redisKeyPrefix: uniqueRedisPrefix('load500') } : {}),
  extraEnv: { LOG_LEVEL: 'warn' },
});
const counts = new Map<string, number>();
const examples = new Map<string, string>();
const count = (key: string, example: string) => {
  counts.set(key, (counts.get(key) ?? 0) + 1);
  if (!examples.has(key)) examples.set(key, example.slice(0, 600));
};
try {
  const keys = await loadSigningKeys();
  const gateway = new JsonClient(system.gatewayUrl);
  const users = await Promise.all(Array.from({ length: clients }, async (_, i) => {
    const token = (await issueAccessToken({ userId: randomUUID(), roles: ['user'] }, keys)).token;
    const created = await gateway.post<GraphQLBody<{ createJournal: { journal: { id: string } } }>>(
      { query: 'mutation ($input: CreateJournalInput!) { createJournal(input: $input) { journal { id } } }', variables: { input: { name: `Load journal ${i}` } } },
      { authorization: `Bearer ${token}` },
    );
    const journalId = created.body.data?.createJournal.journal.id;
    if (!journalId) throw new Error(`createJournal failed: ${JSON.stringify(created.body)}`);
    return { token, journalId };
  }));
  console.error(`${mode}: ${clients} clients, ${seconds} s, load average ${loadavg()[0]!.toFixed(1)}`);
  const deadline = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(users.map(async ({ token, journalId }, c) => {
    for (let n = 0; performance.now() < deadline; n++) {
      try {
        const res = await gateway.post<GraphQLBody<{ createEntry: { entry: { id: string; journal: { id: string; name?: string } | null } } }>>({
          query: 'mutation ($input: CreateEntryInput!) { createEntry(input: $input) { entry { id version journal { id name } } } }',
          variables: { input: { journalId, title: `c${c} n${n}`, content: `load entry ${n}` } },
        }, { authorization: `Bearer ${token}` });
        const code = res.body.errors?.[0]?.extensions?.code;
        const key = `HTTP ${res.status}${code ? ` ${code}` : ''}${!code && res.body.data?.createEntry.entry.journal?.id !== journalId ? ' wrong-journal' : ''}`;
        count(key, JSON.stringify(res.body));
      } catch (error) {
        count(`client error ${(error as Error).message.slice(0, 60)}`, String(error));
      }
    }
  }));
  const elapsed = (performance.now() - started) / 1000;
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  console.log(JSON.stringify({ mode, clients, seconds: Math.round(elapsed), requests: total, perSecond: Math.round(total / elapsed), loadAverage: Number(loadavg()[0]!.toFixed(1)), counts: Object.fromEntries(counts), examples: Object.fromEntries([...examples].filter(([k]) => k !== 'HTTP 200')) }, null, 2));
  gateway.close();
} finally {
  await system.stop();
  await write.drop();
  await read.drop();
  output?.end();
}
process.exit(0);
