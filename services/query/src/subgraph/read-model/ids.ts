/**
 * The id shape Postgres `uuid` accepts (same as @mindflow/events `Id`). Checked before a query so a
 * malformed id reads as "not found" instead of a database error.
 */
const idPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isId = (value: unknown): value is string => typeof value === 'string' && idPattern.test(value);
