import type { Client, estypes } from '@elastic/elasticsearch';
import type { ElasticDocument } from './elastic-document.js';

export interface BulkLimits {
  /** Operations per bulk request. */
  readonly maxCount: number;
  /** Bytes of NDJSON per bulk request (a request holds at least one operation, however large). */
  readonly maxBytes: number;
}

export const defaultBulkLimits: BulkLimits = { maxCount: 500, maxBytes: 5 * 1024 * 1024 };

export interface VersionedWrite {
  readonly document: ElasticDocument;
  /** `external`: only a higher version replaces the stored one; `external_gte`: equal too (hiding a journal's entries). */
  readonly versionType: 'external' | 'external_gte';
}

/**
 * Writes documents with external versioning (version = aggregate version), in bulk requests bounded by
 * count and bytes, without reading anything first. A version conflict means the index already holds that
 * version or a newer one (a tombstone included): the write is an expected no-op, a success. Any other
 * failed item fails the whole call (the projector retries it; every write is idempotent).
 */
export async function writeVersioned(client: Client, index: string, writes: readonly VersionedWrite[], limits: BulkLimits): Promise<{ conflicts: number }> {
  let conflicts = 0;
  for (const chunk of chunks(writes, limits)) {
    // Each document serialised once (`chunks` measured it): the client sends strings as they are.
    const operations = chunk.flatMap(({ write: { document, versionType }, source }) => [
      { index: { _index: index, _id: document.id, version: document.version, version_type: versionType } },
      source,
    ]);
    // Only the failed items' errors come back: a chunk's response is a few bytes instead of one item per document.
    const response = await client.bulk({ operations, filter_path: ['errors', 'items.*.error.type', 'items.*.error.reason'] });
    if (!response.errors) continue;
    const failures: estypes.ErrorCause[] = [];
    for (const item of response.items ?? []) {
      const error = item.index?.error;
      if (!error) continue;
      if (error.type === 'version_conflict_engine_exception') conflicts += 1;
      else failures.push(error);
    }
    if (failures.length > 0) {
      throw new Error(`bulk write failed for ${failures.length} document(s): ${failures[0]!.type}: ${failures[0]!.reason ?? ''}`);
    }
  }
  return { conflicts };
}

/** A write with its document as JSON (the bulk request's source line). */
export interface SerialisedWrite {
  readonly write: VersionedWrite;
  readonly source: string;
}

/** Splits writes into bulk requests of at most `maxCount` operations and about `maxBytes` bytes. */
export function* chunks(writes: readonly VersionedWrite[], limits: BulkLimits): Generator<SerialisedWrite[]> {
  let chunk: SerialisedWrite[] = [];
  let bytes = 0;
  for (const write of writes) {
    const source = JSON.stringify(write.document);
    // action line + source line, each newline-terminated
    const size = Buffer.byteLength(source) + 120;
    if (chunk.length > 0 && (chunk.length >= limits.maxCount || bytes + size > limits.maxBytes)) {
      yield chunk;
      chunk = [];
      bytes = 0;
    }
    chunk.push({ write, source });
    bytes += size;
  }
  if (chunk.length > 0) yield chunk;
}
