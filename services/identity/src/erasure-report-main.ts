// The operators' erasure report: `npm run erasure-report -w @mindflow/identity [-- <how many, default 50>]`, against
// IDENTITY_DATABASE_URL. Read-only. Wiring only (application/erasure-report.ts).
import { createPool } from '@mindflow/db';
import { erasureReads } from './adapters/pg/erasure-rows.js';
import { erasureReport } from './application/erasure-report.js';

const url = process.env['IDENTITY_DATABASE_URL'];
if (!url) throw new Error('IDENTITY_DATABASE_URL: identity\'s database (postgres://…) is required');
const pool = createPool(url, { applicationName: 'erasure-report', max: 1 });
try {
  console.log(erasureReport(await erasureReads(pool).latest(Number(process.argv[2] ?? 50))));
} finally {
  await pool.end();
}
