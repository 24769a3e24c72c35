import { badUserInput } from '../errors.js';
import { isId } from './ids.js';

/**
 * Keyset position of a task in `tasks` order: its day, its due time (`24:00` when it has none, so those
 * come last in a day) and its id, to break ties. Opaque to clients: base64url of JSON.
 */
export interface TaskPosition {
  readonly date: string;
  readonly due: string;
  readonly id: string;
}

export function encodeTaskCursor(position: TaskPosition): string {
  return Buffer.from(JSON.stringify([position.date, position.due, position.id])).toString('base64url');
}

export function decodeTaskCursor(cursor: string | null | undefined): TaskPosition | undefined {
  if (cursor === null || cursor === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 3) {
      const [date, due, id] = value as unknown[];
      if (typeof date === 'string' && /^\d{4}-\d\d-\d\d$/.test(date) && typeof due === 'string' && /^\d\d:\d\d$/.test(due) && isId(id)) {
        return { date, due, id };
      }
    }
  } catch {
    // falls through to the error below
  }
  throw badUserInput('after is not a cursor this API returned', 'after');
}
