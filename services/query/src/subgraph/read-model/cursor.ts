import { badUserInput } from '../errors.js';
import { isId } from './ids.js';

/**
 * Keyset position of a row in "newest first" order: its `created_at` with microseconds (as Postgres
 * formats it, since a JS Date would lose them and skip or repeat rows) and its id, to break ties.
 */
export interface Position {
  readonly at: string;
  readonly id: string;
}

/** Opaque to clients: base64url of JSON, so nobody builds cursors by hand and we may change the shape. */
export function encodeCursor(position: Position): string {
  return Buffer.from(JSON.stringify([position.at, position.id])).toString('base64url');
}

export function decodeCursor(cursor: string | null | undefined): Position | undefined {
  if (cursor === null || cursor === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2) {
      const [at, id] = value as unknown[];
      if (typeof at === 'string' && /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/.test(at) && isId(id)) return { at, id };
    }
  } catch {
    // falls through to the error below
  }
  throw badUserInput('after is not a cursor this API returned', 'after');
}

/** `first` bounded so one request cannot read a whole table. */
export function pageSize(first: number | null | undefined, max = 100): number {
  const size = first ?? 20;
  if (!Number.isInteger(size) || size < 0 || size > max) throw badUserInput(`first must be between 0 and ${max}`, 'first');
  return size;
}

/** The SQL expression for a row's cursor time (UTC, microseconds), matching `Position.at`. */
export const cursorAtSql = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
