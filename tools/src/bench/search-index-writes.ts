// The Postgres search index's write path alone: N documents of ~100 owners written through `write` in chunks
// (as the projector flushes them), then a tenth of them deleted (tombstones) and a tenth updated, each phase
// timed: documents/s, and CPU ms per document of this process (the service's analysis) and of the Postgres
// backends (from /proc: the statements). A fresh database each run, dropped at the end.
//
//   npx tsx tools/src/bench/search-index-writes.ts [--root <tree>] [--documents 5000] [--owners 100] [--chunk 100] [--concurrency 1]
//
// --root loads the adapter of another checkout (e.g. a `git worktree` of an older commit) so two versions can be
// compared in turns on the same machine; it prints one JSON line.
import { randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { processCpuMs } from './process-cpu.js';

const { values } = parseArgs({
  options: {
    root: { type: 'string', default: join(import.meta.dirname, '..', '..', '..') },
    documents: { type: 'string', default: '5000' },
    owners: { type: 'string', default: '100' },
    chunk: { type: 'string', default: '100' },
    concurrency: { type: 'string', default: '1' },
    label: { type: 'string' },
    'keep-db': { type: 'boolean', default: false },
  },
});
const root = resolve(values.root);
const total = Number(values.documents);
const ownerCount = Number(values.owners);
const chunkSize = Number(values.chunk);
const concurrency = Number(values.concurrency);

interface Document {
  id: string; kind: 'entry' | 'thought' | 'task'; ownerId: string; journalId: string | null; title: string | null; body: string;
  tags: string[]; mood: string | null; day: string; createdAt: string; version: number; deleted: boolean; completed: boolean | null;
}
interface Index { prepare(): Promise<void>; write(documents: readonly Document[]): Promise<void>; close(): Promise<void> }

const adapter = (await import(pathToFileURL(join(root, 'services/search/src/adapters/postgres/postgres-search-index.ts')).href)) as {
  createPostgresSearchIndex(pool: pg.Pool): Index;
};

// A deterministic text generator: pseudo-English words (syllables) with inflections, Zipf-like frequencies,
// so stems repeat across documents as real text's do and each owner has a vocabulary of a few thousand terms.
let seed = 42;
const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648);
const syllables = ['ka', 'lo', 'mi', 'ten', 'ra', 'sul', 'ver', 'no', 'pa', 'dre', 'gin', 'tor', 'be', 'sha', 'lun', 'qui', 'mo', 'fel', 'ar', 'ost'];
const suffixes = ['', '', '', 's', 'ing', 'ed', 'ly', 'ness', 'es', 'er'];
const stems = Array.from({ length: 3_000 }, () => Array.from({ length: 2 + Math.floor(random() * 2) }, () => syllables[Math.floor(random() * syllables.length)]).join(''));
const word = () => stems[Math.floor(stems.length * random() ** 2.5)]! + suffixes[Math.floor(random() * suffixes.length)]!;
const text = (n: number) => Array.from({ length: n }, word).join(' ');

const owners = Array.from({ length: ownerCount }, () => ({ id: randomUUID(), journalId: randomUUID() }));
const documents: Document[] = Array.from({ length: total }, (_, n) => {
  const owner = owners[n % owners.length]!;
  const kind = (['entry', 'thought', 'task'] as const)[n % 3]!;
  return {
    id: randomUUID(), kind, ownerId: owner.id, journalId: kind === 'entry' ? owner.journalId : null, title: kind === 'thought' ? null : text(5),
    body: text(60), tags: [word(), word()], mood: kind === 'entry' ? 'GOOD' : null, day: '2030-01-15', createdAt: '2030-01-15T09:00:00.000Z',
    version: 1, deleted: false, completed: kind === 'task' ? false : null,
  };
});
const deletions = documents.filter((_, n) => n % 10 === 3).map((d) => ({ ...d, version: 2, deleted: true, title: d.title === null ? null : '', body: '', tags: [] }));
const updates = documents.filter((_, n) => n % 10 === 7).map((d) => ({ ...d, version: 2, body: text(60) }));

const server = 'postgres://postgres@127.0.0.1:5432';
const database = `bench_search_writes_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
const admin = new pg.Client({ connectionString: `${server}/postgres` });
await admin.connect();
await admin.query(`CREATE DATABASE ${database}`);
const pool = new pg.Pool({ connectionString: `${server}/${database}`, max: concurrency, idleTimeoutMillis: 600_000, application_name: 'bench-search-writes' });
// Dropping the database at the end ends connections the pool may still hold.
pool.on('error', () => undefined);
const index = adapter.createPostgresSearchIndex(pool);
const phases: Record<string, unknown> = {};
try {
  await index.prepare();
  // Open every connection now, so the backends' CPU can be read from /proc.
  const clients = await Promise.all(Array.from({ length: concurrency }, () => pool.connect()));
  const pids = await Promise.all(clients.map(async (c) => (await c.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid));
  clients.forEach((c) => c.release());
  const backendsMs = () => pids.reduce((sum, pid) => sum + (processCpuMs(pid) ?? Number.NaN), 0);

  for (const [name, docs] of [['create', documents], ['delete', deletions], ['update', updates]] as const) {
    const chunks: Document[][] = [];
    for (let i = 0; i < docs.length; i += chunkSize) chunks.push(docs.slice(i, i + chunkSize));
    const cpu = process.cpuUsage();
    const backend = backendsMs();
    const started = performance.now();
    let next = 0;
    await Promise.all(Array.from({ length: concurrency }, async () => {
      while (next < chunks.length) await index.write(chunks[next++]!);
    }));
    const seconds = (performance.now() - started) / 1000;
    const used = process.cpuUsage(cpu);
    phases[name] = {
      documents: docs.length, seconds: round(seconds), perSecond: Math.round(docs.length / seconds),
      nodeCpuMsPerDoc: round((used.user + used.system) / 1000 / docs.length),
      postgresCpuMsPerDoc: round((backendsMs() - backend) / docs.length),
    };
  }
  const { rows } = await pool.query<{ documents: string; vocabulary: string }>(
    `SELECT (SELECT count(*) FROM search_documents) AS documents,
            (SELECT count(*) FROM information_schema.tables WHERE table_name = 'search_vocabulary') AS vocabulary`,
  );
  const vocabulary = Number(rows[0]!.vocabulary) > 0 ? Number((await pool.query<{ n: string }>('SELECT count(*) AS n FROM search_vocabulary')).rows[0]!.n) : null;
  console.log(JSON.stringify({ label: values.label ?? root, documents: total, owners: ownerCount, chunk: chunkSize, concurrency, load: loadAverage(), stored: Number(rows[0]!.documents), vocabulary, ...phases }));
} finally {
  await index.close();
  await pool.end();
  if (!values['keep-db']) await admin.query(`DROP DATABASE ${database} WITH (FORCE)`);
  else console.error(`kept ${database}`);
  await admin.end();
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}

function loadAverage(): number {
  return Number(loadavg()[0]!.toFixed(1));
}
