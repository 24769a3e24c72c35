// The scans that prove an erased user's marker word is nowhere (issue 16): every table of every database as text,
// every stored object's bytes, every document of the Elasticsearch indices, every raw Kafka message. Shared by the
// account-erasure e2e suite and the erase-user drill (tools/src/drills/erase-user.ts).
import { randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { Kafka, logLevel } from 'kafkajs';
import type pg from 'pg';

/** Rows of every table of the database (every schema but the system's) whose text holds `word`, by `schema.table`. */
export async function mentions(pool: pg.Pool, word: string, schemas: 'all' | 'public' = 'all'): Promise<Record<string, number>> {
  const { rows } = await pool.query<{ table_schema: string; table_name: string }>(
    `SELECT table_schema, table_name FROM information_schema.tables
      WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema') AND ($1 = 'all' OR table_schema = 'public')`,
    [schemas],
  );
  const found: Record<string, number> = {};
  for (const { table_schema, table_name } of rows) {
    const n = Number((await pool.query<{ n: string }>(`SELECT count(*) AS n FROM "${table_schema}"."${table_name}" t WHERE t::text ILIKE $1`, [`%${word}%`])).rows[0]!.n);
    if (n > 0) found[`${table_schema}.${table_name}`] = n;
  }
  return found;
}

/** The same over every database of the system (role → pool; pools on the same database are scanned once), by `role:schema.table`. */
export async function mentionsEverywhere(pools: ReadonlyMap<string, pg.Pool>, word: string): Promise<Record<string, number>> {
  const found: Record<string, number> = {};
  const seen = new Set<string>();
  for (const [role, pool] of pools) {
    const url = (pool.options as { connectionString: string }).connectionString;
    if (seen.has(url)) continue;
    seen.add(url);
    for (const [table, n] of Object.entries(await mentions(pool, word))) found[`${role}:${table}`] = n;
  }
  return found;
}

/** Where media keeps its objects: an S3 bucket (distributed with `s3`) or the disk store's directory. */
export type ObjectStore =
  | { readonly s3: { readonly endpoint: string; readonly region: string; readonly accessKeyId: string; readonly secretAccessKey: string; readonly bucket: string } }
  | { readonly directory: string };

/** The disk store's directory of a system started by startSystem without `s3`: `.cache/media-objects/<write DB name>`. */
export function diskObjectStore(writeDatabaseUrl: string): ObjectStore {
  return { directory: join(import.meta.dirname, '..', '..', '..', '.cache', 'media-objects', new URL(writeDatabaseUrl).pathname.replace(/^\/+/, '')) };
}

/** Paths of every stored object (disk: files of the store's directory; S3: keys of the bucket) with their bytes. */
export async function storedObjects(store: ObjectStore): Promise<Map<string, Buffer>> {
  const objects = new Map<string, Buffer>();
  if ('s3' in store) {
    const { s3: config } = store;
    const s3 = new S3Client({
      endpoint: config.endpoint, region: config.region, forcePathStyle: true,
      credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey },
      // as libs/object-storage's adapter: S3Proxy implements none of the newer checksum headers
      requestChecksumCalculation: 'WHEN_REQUIRED', responseChecksumValidation: 'WHEN_REQUIRED',
    });
    try {
      let token: string | undefined;
      do {
        const page = await s3.send(new ListObjectsV2Command({ Bucket: config.bucket, ContinuationToken: token }));
        for (const { Key } of page.Contents ?? []) {
          const body = await (await s3.send(new GetObjectCommand({ Bucket: config.bucket, Key: Key! }))).Body!.transformToByteArray();
          objects.set(Key!, Buffer.from(body));
        }
        token = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (token);
    } finally {
      s3.destroy();
    }
    return objects;
  }
  const files = await readdir(store.directory, { recursive: true, withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return []; // nothing stored yet
    throw error;
  });
  for (const file of files) {
    if (file.isFile()) objects.set(join(file.parentPath, file.name), await readFile(join(file.parentPath, file.name)));
  }
  return objects;
}

/** Paths of the stored objects whose path holds `userId` (media keys objects by owner). */
export const objectsOf = async (store: ObjectStore, userId: string) => [...(await storedObjects(store)).keys()].filter((path) => path.includes(userId)).sort();
/** Paths of the stored objects whose bytes hold `word`. */
export const objectsHolding = async (store: ObjectStore, word: string) =>
  [...(await storedObjects(store))].filter(([, bytes]) => bytes.includes(Buffer.from(word))).map(([path]) => path);

/**
 * Every message of every topic of the system's prefix, read from the beginning by a consumer group of its own up to
 * each partition's end as it was when the scan began: how many, and how many hold each needle in their raw bytes
 * (key, value or a header).
 */
export async function kafkaScan(log: { readonly brokers: readonly string[]; readonly topicPrefix: string }, needles: readonly string[]): Promise<{ topics: number; messages: number; holding: Record<string, number> }> {
  const { brokers, topicPrefix } = log;
  const kafka = new Kafka({ clientId: 'erasure-scan', brokers: [...brokers], logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  const topics = (await admin.listTopics()).filter((topic) => topic.startsWith(`${topicPrefix}.`));
  const ends = new Map<string, bigint>(); // topic/partition → the offset after its last record
  for (const topic of topics) {
    for (const p of await admin.fetchTopicOffsets(topic)) if (BigInt(p.high) > BigInt(p.low)) ends.set(`${topic}/${p.partition}`, BigInt(p.high));
  }
  await admin.disconnect();
  const holding: Record<string, number> = Object.fromEntries(needles.map((n) => [n, 0]));
  const bytes = needles.map((n) => [n, Buffer.from(n)] as const);
  let messages = 0;
  if (ends.size === 0) return { topics: topics.length, messages, holding };
  const consumer = kafka.consumer({ groupId: `${topicPrefix}.erasure-scan-${randomUUID()}` });
  await consumer.connect();
  try {
    await consumer.subscribe({ topics, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`kafka scan: ${ends.size} partitions not read to their end in 120 s (${[...ends.keys()].join(', ')})`)), 120_000);
      consumer.run({
        eachBatch: ({ batch }) => {
          for (const message of batch.messages) {
            messages += 1;
            const parts = [message.key, message.value, ...Object.values(message.headers ?? {}).flat()].filter((part): part is Buffer => Buffer.isBuffer(part));
            for (const [needle, raw] of bytes) if (parts.some((part) => part.includes(raw))) holding[needle]! += 1;
          }
          const key = `${batch.topic}/${batch.partition}`;
          // lastOffset counts the records the consumer does not hand over (transaction markers) too
          if (ends.has(key) && BigInt(batch.lastOffset()) + 1n >= ends.get(key)!) ends.delete(key);
          if (ends.size === 0) {
            clearTimeout(timer);
            resolve();
          }
          return Promise.resolve();
        },
      }).catch(reject);
    });
  } finally {
    await consumer.disconnect();
  }
  return { topics: topics.length, messages, holding };
}

/** Every document of the Elasticsearch indices of the system's prefix, as the raw JSON Elasticsearch answers. */
export async function elasticsearchDocuments(search: { readonly elasticsearchUrl: string; readonly indexPrefix: string }): Promise<{ indices: string[]; documents: number; raw: string }> {
  const { elasticsearchUrl, indexPrefix } = search;
  const pattern = `${indexPrefix}*`;
  const indices = ((await (await fetch(`${elasticsearchUrl}/_cat/indices/${pattern}?format=json`)).json()) as { index: string }[]).map((i) => i.index).sort();
  await fetch(`${elasticsearchUrl}/${pattern}/_refresh`, { method: 'POST' });
  const response = await fetch(`${elasticsearchUrl}/${pattern}/_search?size=10000`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: { match_all: {} }, track_total_hits: true }),
  });
  const raw = await response.text();
  if (!response.ok) throw new Error(`elasticsearch search: ${response.status} ${raw}`);
  return { indices, documents: (JSON.parse(raw) as { hits: { total: { value: number } } }).hits.total.value, raw };
}
