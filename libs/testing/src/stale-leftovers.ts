import pg from 'pg';
import { Kafka, logLevel } from 'kafkajs';
import type { ServerName } from './server-names.js';
import { isStaleTestName } from './unique-names.js';

// Suites may end without cleaning up (a crash, a Ctrl-C, a forgotten drop). What they created carries its
// creation time in its name, so the first suite of each process to use a server removes what is more than
// 12 hours old: no test runs that long, and a shared server does not fill up over weeks of runs.
// Best effort: a failure here never fails a suite. Redis is left out: keys are cheap, and tests set TTLs.

async function postgres(url: string): Promise<void> {
  const admin = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  await admin.connect();
  try {
    const { rows } = await admin.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE 'mft\\_%'");
    for (const { datname } of rows.filter((row) => isStaleTestName(row.datname))) {
      // Without FORCE: a database somebody is still connected to is left alone.
      await admin.query(`DROP DATABASE IF EXISTS "${datname}"`).catch(() => undefined);
    }
  } finally {
    await admin.end();
  }
}

async function kafka(brokers: string): Promise<void> {
  const admin = new Kafka({ clientId: 'mindflow-test-reaper', brokers: brokers.split(','), logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    const stale = (await admin.listTopics()).filter((topic) => isStaleTestName(topic));
    if (stale.length > 0) await admin.deleteTopics({ topics: stale, timeout: 10_000 });
  } finally {
    await admin.disconnect();
  }
}

async function elasticsearch(address: string): Promise<void> {
  const url = address.replace(/\/$/, '');
  const response = await fetch(`${url}/_cat/indices/mft-*?h=index&format=json`, { signal: AbortSignal.timeout(5_000) });
  const stale = ((await response.json()) as Array<{ index: string }>).map((row) => row.index).filter((index) => isStaleTestName(index));
  for (let i = 0; i < stale.length; i += 50) {
    await fetch(`${url}/${stale.slice(i, i + 50).join(',')}`, { method: 'DELETE', signal: AbortSignal.timeout(10_000) });
  }
}

const reapers: Partial<Record<ServerName, (address: string) => Promise<void>>> = { postgres, kafka, elasticsearch };

export async function reapStaleLeftovers(server: ServerName, address: string): Promise<void> {
  await reapers[server]?.(address).catch(() => undefined);
}
