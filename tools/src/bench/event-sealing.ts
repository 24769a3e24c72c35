// `npx tsx tools/src/bench/event-sealing.ts`: what crypto-shredding (issue 16) costs per event, as ratios against the
// same event's JSON round trip measured in the same run: seal + open (AES-256-GCM, node:crypto) vs JSON.stringify +
// JSON.parse; the whole write+read path (seal, serialise, parse, open, validate) vs the plain one (serialise, parse,
// validate); and the key lookup a reader makes per batch owner: the per-process cache's hit vs a miss on the Postgres
// key store (one query + unwrap). Prints the load average with the figures.
import { randomBytes, randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import { createPool, migrate } from '@mindflow/db';
import { CachedKeyStore, countWords, openStoredEventWith, parseEvent, sealEventWith, type AnyEvent } from '@mindflow/events';
import { sampleEvent } from '@mindflow/events/testing';
import { keyStoreMigrations, MasterKeyWrapper, PgKeyStore } from '@mindflow/event-log';
import { createTestDatabase } from './servers.js';

const words = 'walked by the river this morning and thought about the week ahead the light was soft '.repeat(12).trim();
function entry(): AnyEvent {
  const entryId = randomUUID();
  const base = sampleEvent('JournalEntryCreated');
  return sampleEvent('JournalEntryCreated', {
    eventId: randomUUID(), aggregateId: entryId,
    payload: { ...base.payload, entryId, title: 'A slow Sunday', content: words, wordCount: countWords(words), tags: ['walk', 'river', 'week'] },
  });
}

/** ns per call of `work`, the median of `rounds` timed loops of `n` calls each (after a warm-up loop). */
async function nsPer(n: number, work: (i: number) => unknown, rounds = 7): Promise<number> {
  const sample = async () => {
    const start = process.hrtime.bigint();
    for (let i = 0; i < n; i++) await work(i);
    return Number(process.hrtime.bigint() - start) / n;
  };
  await sample();
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) times.push(await sample());
  return times.sort((a, b) => a - b)[Math.floor(rounds / 2)]!;
}

const events = Array.from({ length: 1_000 }, entry);
const key = randomBytes(32);
const texts = events.map((e) => JSON.stringify(e));
const sealed = events.map((e) => sealEventWith(e, key));
const sealedTexts = sealed.map((e) => JSON.stringify(e));
const active = { state: 'active', key } as const;
const n = events.length;

// Sync loops: awaiting a non-promise adds a microtask per call to both sides alike.
const json = await nsPer(n, (i) => JSON.parse(JSON.stringify(events[i])));
const crypto = await nsPer(n, (i) => openStoredEventWith(sealEventWith(events[i]!, key), active));
const plainPath = await nsPer(n, (i) => parseEvent(JSON.parse(JSON.stringify(events[i]))));
const sealedPath = await nsPer(n, (i) => parseEvent(openStoredEventWith(JSON.parse(JSON.stringify(sealEventWith(events[i]!, key))) as never, active)));
const readPlain = await nsPer(n, (i) => parseEvent(JSON.parse(texts[i]!)));
const readSealed = await nsPer(n, (i) => parseEvent(openStoredEventWith(JSON.parse(sealedTexts[i]!) as never, active)));

const db = await createTestDatabase('bench_keys');
const pool = createPool(db.url, { applicationName: 'bench-keys', max: 2 });
await migrate(pool, 'keys', keyStoreMigrations);
const store = new PgKeyStore(pool, new MasterKeyWrapper(randomBytes(32)));
const users = Array.from({ length: 200 }, () => randomUUID());
for (const user of users) await store.getOrCreate(user);
const cache = new CachedKeyStore(store, { ttlMs: 60_000 });
for (const user of users) await cache.get(user);
const hit = await nsPer(20_000, (i) => cache.get(users[i % users.length]!));
const miss = await nsPer(users.length, (i) => store.get(users[i]!), 5);
await pool.end();
await db.drop();

const us = (ns: number) => `${(ns / 1000).toFixed(2)} µs`;
const bytes = (list: string[]) => Math.round(list.reduce((sum, t) => sum + t.length, 0) / list.length);
console.log(`load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}; ${n} JournalEntryCreated events of ${bytes(texts)} B (sealed ${bytes(sealedTexts)} B, x${(bytes(sealedTexts) / bytes(texts)).toFixed(2)})`);
console.log(`seal + open            ${us(crypto)}  vs JSON.stringify + JSON.parse ${us(json)}: x${(crypto / json).toFixed(2)}`);
console.log(`write + read, sealed   ${us(sealedPath)}  vs plain (stringify, parse, validate) ${us(plainPath)}: x${(sealedPath / plainPath).toFixed(2)}`);
console.log(`read (consumer), sealed ${us(readSealed)}  vs plain ${us(readPlain)}: x${(readSealed / readPlain).toFixed(2)}`);
console.log(`key lookup: cache hit ${us(hit)}  vs Postgres key store (query + unwrap) ${us(miss)}: the hit is x${(miss / hit).toFixed(0)} cheaper; one per owner per batch`);
