// npx tsx tools/src/bench/seed/run.ts --entries 1000000 --users 10000 --read-db <url> [--step-timeout-s 600]
// Seeds a read DB (migrated here if new) with a realistic dataset, as the projectors would have built it (seed.ts).
// The Postgres search index (search_documents) is seeded; Elasticsearch is not (--elasticsearch is refused).
import { parseArgs } from 'node:util';
import { seedReadModel } from './seed.js';

const { values } = parseArgs({
  options: {
    entries: { type: 'string', default: '10000' },
    users: { type: 'string' },
    'read-db': { type: 'string' },
    elasticsearch: { type: 'string' },
    'index-prefix': { type: 'string' },
    'step-timeout-s': { type: 'string', default: '600' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

if (values.help || !values['read-db']) {
  console.log('usage: npx tsx tools/src/bench/seed/run.ts --entries N [--users U (default N/100)] --read-db <postgres url> [--step-timeout-s 600]');
  process.exit(values.help ? 0 : 2);
}
if (values.elasticsearch) {
  console.error('seeding Elasticsearch is not implemented yet: only the Postgres search index (search_documents) is seeded');
  process.exit(2);
}
const entries = Number(values.entries);
const users = Number(values.users ?? Math.max(1, Math.round(entries / 100)));
if (!Number.isInteger(entries) || entries < 1 || !Number.isInteger(users) || users < 1) throw new Error('--entries and --users must be positive integers');
const result = await seedReadModel({
  readDatabaseUrl: values['read-db'], entries, users, stepTimeoutMs: Number(values['step-timeout-s']) * 1000,
  log: (line) => console.error(`[seed] ${line}`),
});
console.log(JSON.stringify(result, null, 2));
