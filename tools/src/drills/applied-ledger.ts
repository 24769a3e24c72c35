// What the read side applied, event by event, from the audit of `projection_versions` (audit.ts): every
// committed change of an aggregate's version, in commit order, says "versions from+1..to were applied in
// this transaction". Pure: the detector behind "applied" and "duplicates applied" in every drill report.

/** One committed change of a `projection_versions` row (an insert has `from` 0; a delete has `to` 0). */
export interface VersionTransition {
  /** The table it happened in (its OID): a rebuilt projection is a new table, a new model applied afresh. */
  readonly table: string;
  readonly projection: string;
  readonly aggregateId: string;
  readonly from: number;
  readonly to: number;
  /** The row operation; with `tx`, tells a rebuild's swap (rows deleted and copied in again in one transaction) from an application. */
  readonly op?: 'insert' | 'update' | 'delete';
  readonly tx?: string;
}

export interface LedgerSummary {
  /** Distinct (aggregate, version) pairs applied, over all tables. */
  readonly applied: number;
  /** Versions applied more than once to the same table: must be 0. */
  readonly duplicates: number;
  /** Up to 20 of them, for the report. */
  readonly duplicateExamples: readonly { table: string; aggregateId: string; version: number }[];
  /** Per table, per aggregate: the set of applied versions as the highest contiguous version (or -1 when there are holes). */
  readonly tables: ReadonlyMap<string, ReadonlyMap<string, AggregateLedger>>;
}

export interface AggregateLedger {
  readonly applied: ReadonlySet<number>;
  /** Highest version such that 1..it were all applied. */
  readonly contiguousTo: number;
}

/**
 * Replays the transitions: each forward one applies (from, to]; a version already in the aggregate's set is
 * a duplicate application. A row reset (delete, or a version going backwards) is how a duplicate would
 * happen — the next forward transitions then re-apply versions already applied, and are counted.
 * One exception: a row deleted and inserted again in the same transaction is a rebuild's swap copying the
 * rebuilt model's version in (the rebuild's own applications are audited on its own table): the aggregate's
 * versions become 1..to, carried over, neither applied nor duplicated here.
 */
export function summarizeLedger(transitions: readonly VersionTransition[]): LedgerSummary {
  const tables = new Map<string, Map<string, Set<number>>>();
  let applied = 0;
  let duplicates = 0;
  const duplicateExamples: { table: string; aggregateId: string; version: number }[] = [];
  const deletedInTx = new Set<string>();
  for (const t of transitions) {
    const key = `${t.projection}/${t.aggregateId.toLowerCase()}`;
    const rowInTx = `${t.tx ?? ''}|${t.table}|${key}`;
    if (t.op === 'delete' && t.tx !== undefined) deletedInTx.add(rowInTx);
    if (t.to <= t.from) continue; // a delete or a step back applies nothing itself
    const byAggregate = tables.get(t.table) ?? new Map<string, Set<number>>();
    tables.set(t.table, byAggregate);
    const versions = byAggregate.get(key) ?? new Set<number>();
    byAggregate.set(key, versions);
    if (t.op === 'insert' && deletedInTx.has(rowInTx)) {
      for (const version of [...versions]) if (version > t.to) versions.delete(version);
      for (let version = 1; version <= t.to; version++) {
        if (!versions.has(version)) applied += 1; // applied by the rebuild, now part of this model
        versions.add(version);
      }
      continue;
    }
    for (let version = t.from + 1; version <= t.to; version++) {
      if (versions.has(version)) {
        duplicates += 1;
        if (duplicateExamples.length < 20) duplicateExamples.push({ table: t.table, aggregateId: t.aggregateId, version });
      } else {
        versions.add(version);
        applied += 1;
      }
    }
  }
  const summary = new Map<string, Map<string, AggregateLedger>>();
  for (const [table, byAggregate] of tables) {
    const aggregates = new Map<string, AggregateLedger>();
    for (const [key, versions] of byAggregate) {
      let contiguousTo = 0;
      while (versions.has(contiguousTo + 1)) contiguousTo += 1;
      aggregates.set(key.slice(key.indexOf('/') + 1), { applied: versions, contiguousTo });
    }
    summary.set(table, aggregates);
  }
  return { applied, duplicates, duplicateExamples, tables: summary };
}

/** Versions of `written` (aggregate → its highest written version) missing from a table's ledger. */
export function missingVersions(written: ReadonlyMap<string, number>, ledger: ReadonlyMap<string, AggregateLedger> | undefined): { count: number; examples: { aggregateId: string; version: number }[] } {
  let count = 0;
  const examples: { aggregateId: string; version: number }[] = [];
  for (const [aggregateId, highest] of written) {
    const applied = ledger?.get(aggregateId.toLowerCase())?.applied;
    for (let version = 1; version <= highest; version++) {
      if (applied?.has(version)) continue;
      count += 1;
      if (examples.length < 20) examples.push({ aggregateId, version });
    }
  }
  return { count, examples };
}

/** Distinct versions a table's model holds of the written aggregates (at most their highest written version). */
export function appliedOf(written: ReadonlyMap<string, number>, ledger: ReadonlyMap<string, AggregateLedger> | undefined): number {
  let count = 0;
  for (const [aggregateId, highest] of written) {
    for (const version of ledger?.get(aggregateId.toLowerCase())?.applied ?? []) if (version <= highest) count += 1;
  }
  return count;
}

/**
 * The events of `now` (aggregate → highest written version) beyond `cut`: written after the cut was taken.
 * The accounting judges the cut the read side settled on (every version in it applied exactly once); what a
 * producer still wrote after it (embedded insights: an analysis due a debounce after the last edit) was in
 * flight then, not lost, and is counted here instead.
 */
export function writtenAfterCut(cut: ReadonlyMap<string, number>, now: ReadonlyMap<string, number>): { count: number; examples: { aggregateId: string; version: number }[] } {
  let count = 0;
  const examples: { aggregateId: string; version: number }[] = [];
  for (const [aggregateId, highest] of now) {
    for (let version = (cut.get(aggregateId) ?? 0) + 1; version <= highest; version++) {
      count += 1;
      if (examples.length < 20) examples.push({ aggregateId, version });
    }
  }
  return { count, examples };
}
