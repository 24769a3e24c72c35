import { randomBytes } from 'node:crypto';

// Every name a suite creates on a shared server starts with `mft` (MindFlow test) and carries its creation
// time, so that suites never collide, and leftovers of runs that ended without cleaning up can be
// recognised and reaped later (see `isStaleTestName`).
const marker = 'mft';

function stamp(): string {
  return `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
}

function slug(label: string, separator: string): string {
  const cleaned = label.toLowerCase().replace(/[^a-z0-9]+/g, separator).replace(new RegExp(`^\\${separator}+|\\${separator}+$`, 'g'), '');
  return (cleaned || 'test').slice(0, 24);
}

/** Kafka topic prefix: topics are `<prefix>.<stream>` (KAFKA_TOPIC_PREFIX), e.g. `mft-relay-lq3x2k9f4a1b2c`. */
export function uniqueTopicPrefix(label = 'test'): string {
  return `${marker}-${slug(label, '-')}-${stamp()}`;
}

/** Redis key prefix (REDIS_KEY_PREFIX), ending in `:` like `mindflow:`, e.g. `mft:cache:lq3x2k9f4a1b2c:`. */
export function uniqueRedisPrefix(label = 'test'): string {
  return `${marker}:${slug(label, '-')}:${stamp()}:`;
}

/** Elasticsearch index prefix (lower case, as index names must be), e.g. `mft-search-lq3x2k9f4a1b2c-`. */
export function uniqueIndexPrefix(label = 'test'): string {
  return `${marker}-${slug(label, '-')}-${stamp()}-`;
}

/** S3 bucket name (3–63 characters, lower case, digits and hyphens), e.g. `mft-media-lq3x2k9f4a1b2c`. */
export function uniqueBucketName(label = 'test'): string {
  return `${marker}-${slug(label, '-')}-${stamp()}`;
}

/** PostgreSQL database name (≤ 63 bytes, lower case), e.g. `mft_projector_lq3x2k9f4a1b2c`. */
export function uniqueDatabaseName(label = 'test'): string {
  return `${marker}_${slug(label, '_')}_${stamp()}`;
}

const stampPattern = /^mft[-_:].*?[-_:]([0-9a-z]{8})[0-9a-f]{6}(?:[-_:.]|$)/;

/** A name made by the functions above more than `maxAgeMs` ago (default 12 h: no suite runs that long). */
export function isStaleTestName(name: string, now = Date.now(), maxAgeMs = 12 * 60 * 60 * 1000): boolean {
  const match = stampPattern.exec(name);
  if (!match?.[1]) return false;
  const created = parseInt(match[1], 36);
  return Number.isFinite(created) && now - created > maxAgeMs;
}
