// Reconciliation: the write DB's entities against each read side's, entity by entity. Each read side is an
// adapter (read-sides.ts) that says which entities it holds and which of their fields it carries; a new
// read side (the search index) is one more adapter. Pure.

export interface EntityState {
  readonly kind: string;
  readonly id: string;
  readonly version: number;
  readonly deleted: boolean;
  /** The fields compared (a read side compares only the ones it carries). */
  readonly fields: Readonly<Record<string, unknown>>;
}

/** `kind:id` → its state. */
export type EntitySnapshot = ReadonlyMap<string, EntityState>;

export interface ReadSide {
  readonly name: string;
  /** The kinds of entity it holds; write-side entities of other kinds are not expected in it. */
  readonly kinds: readonly string[];
  /** Whether it keeps deleted entities (marked deleted) or drops them. */
  readonly keepsDeleted: boolean;
  snapshot(): Promise<EntitySnapshot>;
}

export interface Discrepancy {
  readonly readSide: string;
  readonly kind: string;
  readonly id: string;
  readonly problem: 'missing' | 'unexpected' | 'version' | 'deleted' | 'field';
  readonly detail: string;
}

export interface ReconciliationResult {
  readonly readSide: string;
  readonly compared: number;
  readonly discrepancies: number;
  /** The first 20. */
  readonly examples: readonly Discrepancy[];
}

export function entityKey(kind: string, id: string): string {
  return `${kind}:${id.toLowerCase()}`;
}

export function reconcile(readSide: Pick<ReadSide, 'name' | 'kinds' | 'keepsDeleted'>, write: EntitySnapshot, read: EntitySnapshot): ReconciliationResult {
  const found: Discrepancy[] = [];
  let compared = 0;
  const report = (d: Omit<Discrepancy, 'readSide'>) => found.push({ readSide: readSide.name, ...d });
  for (const [key, written] of write) {
    if (!readSide.kinds.includes(written.kind)) continue;
    compared += 1;
    const projected = read.get(key);
    if (!projected) {
      if (written.deleted && !readSide.keepsDeleted) continue;
      report({ kind: written.kind, id: written.id, problem: 'missing', detail: `version ${written.version} written, absent from the read side` });
      continue;
    }
    if (written.deleted !== projected.deleted) {
      report({ kind: written.kind, id: written.id, problem: 'deleted', detail: `write deleted=${written.deleted}, read deleted=${projected.deleted}` });
    }
    if (written.version !== projected.version) {
      report({ kind: written.kind, id: written.id, problem: 'version', detail: `write v${written.version}, read v${projected.version}` });
      continue; // an older version differs in its fields too: one finding is enough
    }
    if (written.deleted) continue; // a deleted entity's last fields are not part of the contract
    for (const [field, value] of Object.entries(projected.fields)) {
      if (!sameValue(written.fields[field], value)) {
        report({ kind: written.kind, id: written.id, problem: 'field', detail: `${field}: write ${show(written.fields[field])}, read ${show(value)}` });
      }
    }
  }
  for (const [key, projected] of read) {
    if (write.has(key)) continue;
    report({ kind: projected.kind, id: projected.id, problem: 'unexpected', detail: `v${projected.version} on the read side, never written` });
  }
  return { readSide: readSide.name, compared, discrepancies: found.length, examples: found.slice(0, 20) };
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(normalize(a)) === JSON.stringify(normalize(b));
}

function normalize(value: unknown): unknown {
  if (value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  return value;
}

function show(value: unknown): string {
  return JSON.stringify(normalize(value))?.slice(0, 80) ?? 'null';
}
