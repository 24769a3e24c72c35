// The checks of the subgraph's inputs (API.md: names and shapes), each failing with BAD_USER_INPUT naming
// the argument to fix.
import { randomBytes } from 'node:crypto';
import { badUserInput } from './errors.js';
import { channelNames, defaultChannels, notificationKinds, type Channel, type Kind, type NotificationCursor, type PreferencesRow } from './store/rows.js';

const timeOfDay = /^([01]\d|2[0-3]):[0-5]\d$/;

/** An IANA zone name Intl knows, in its canonical spelling ("europe/berlin" → "Europe/Berlin"); offsets are refused. */
export function timeZoneOf(input: string, field: string): string {
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(input)) throw badUserInput(`${field} must be an IANA time zone such as "Europe/Berlin"`, field);
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: input }).resolvedOptions().timeZone;
  } catch {
    throw badUserInput(`${field} "${input}" is not a known IANA time zone`, field);
  }
}

export function timeOfDayOf(input: string, field: string): string {
  if (!timeOfDay.test(input)) throw badUserInput(`${field} must be a local time "HH:MM" (00:00 … 23:59)`, field);
  return input;
}

export interface PreferencesInput {
  readonly timeZone?: string | null;
  readonly journalPromptAt?: string | null;
  readonly weeklyReflectionOn?: number | null;
  readonly quietHours?: { readonly start: string; readonly end: string } | null;
  readonly channels?: readonly { readonly kind: Kind; readonly channels: readonly Channel[] }[] | null;
}

/** The preferences `input` sets: what is null or left out is off (UTC for the zone); kinds left out of `channels` keep theirs. */
export function preferencesOf(input: PreferencesInput, current: PreferencesRow): PreferencesRow {
  const weekday = input.weeklyReflectionOn ?? null;
  if (weekday !== null && !(Number.isInteger(weekday) && weekday >= 1 && weekday <= 7)) {
    throw badUserInput('input.weeklyReflectionOn must be an ISO weekday, 1 (Monday) … 7 (Sunday)', 'input.weeklyReflectionOn');
  }
  let quietHours: PreferencesRow['quietHours'] = null;
  if (input.quietHours) {
    const start = timeOfDayOf(input.quietHours.start, 'input.quietHours.start');
    const end = timeOfDayOf(input.quietHours.end, 'input.quietHours.end');
    if (start === end) throw badUserInput('input.quietHours must have a start and an end that differ (an end before the start spans midnight)', 'input.quietHours');
    quietHours = { start, end };
  }
  const channels: Partial<Record<Kind, readonly Channel[]>> = { ...current.channels };
  const seen = new Set<Kind>();
  for (const choice of input.channels ?? []) {
    if (seen.has(choice.kind)) throw badUserInput(`input.channels names ${choice.kind} twice`, 'input.channels');
    seen.add(choice.kind);
    // Every notification is in the in-app centre: IN_APP is always chosen.
    channels[choice.kind] = channelNames.filter((c) => c === 'IN_APP' || choice.channels.includes(c));
  }
  return {
    timeZone: input.timeZone == null ? 'UTC' : timeZoneOf(input.timeZone, 'input.timeZone'),
    journalPromptAt: input.journalPromptAt == null ? null : timeOfDayOf(input.journalPromptAt, 'input.journalPromptAt'),
    weeklyReflectionOn: weekday,
    quietHours,
    channels,
  };
}

/** Every kind with its channels, in the enum's order (a kind never chosen has the default). */
export function channelChoices(preferences: PreferencesRow): { kind: Kind; channels: Channel[] }[] {
  return notificationKinds.map((kind) => ({ kind, channels: [...(preferences.channels[kind] ?? defaultChannels)] }));
}

/** A webhook target: https://, or http:// only where loopback targets are allowed (development). */
export function webhookUrlOf(input: string, allowHttp: boolean): string {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    throw badUserInput('url must be an absolute https:// URL', 'url');
  }
  if (input.length > 2048) throw badUserInput('url must be at most 2048 characters', 'url');
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && allowHttp)) {
    throw badUserInput(allowHttp ? 'url must be an http:// or https:// URL' : 'url must be an https:// URL', 'url');
  }
  if (url.username || url.password) throw badUserInput('url must not carry a user name or password', 'url');
  if (!url.hostname) throw badUserInput('url must name a host', 'url');
  return url.toString();
}

export function webhookKindsOf(kinds: readonly Kind[]): Kind[] {
  if (kinds.length === 0) throw badUserInput('kinds must name at least one NotificationKind', 'kinds');
  return notificationKinds.filter((k) => kinds.includes(k));
}

/** A Standard Webhooks signing secret: "whsec_" + base64 of 32 random bytes. */
export const newWebhookSecret = (): string => `whsec_${randomBytes(32).toString('base64')}`;

export function pageSizeOf(first: number | null | undefined, fallback: number, field = 'first'): number {
  const n = first ?? fallback;
  if (!Number.isInteger(n) || n < 1 || n > 100) throw badUserInput(`${field} must be 1 … 100`, field);
  return n;
}

export function encodeNotificationCursor(cursor: NotificationCursor): string {
  return Buffer.from(JSON.stringify([cursor.createdAt.toISOString(), cursor.id])).toString('base64url');
}

export function decodeNotificationCursor(after: string | null | undefined): NotificationCursor | null {
  if (after == null) return null;
  try {
    const [at, id] = JSON.parse(Buffer.from(after, 'base64url').toString('utf8')) as unknown[];
    const createdAt = new Date(String(at));
    if (typeof at === 'string' && typeof id === 'string' && !Number.isNaN(createdAt.getTime()) && /^[0-9a-f-]{36}$/i.test(id)) return { createdAt, id };
  } catch {
    // falls through to the refusal
  }
  throw badUserInput('after is not a cursor of notifications', 'after');
}

export const encodeWeekCursor = (weekStart: string): string => Buffer.from(`week:${weekStart}`).toString('base64url');

export function decodeWeekCursor(after: string | null | undefined): string | null {
  if (after == null) return null;
  const text = Buffer.from(after, 'base64url').toString('utf8');
  const week = /^week:(\d{4}-\d{2}-\d{2})$/.exec(text)?.[1];
  if (!week || Number.isNaN(Date.parse(`${week}T00:00:00Z`))) throw badUserInput('after is not a cursor of weekly reflections', 'after');
  return week;
}

/** A Monday, YYYY-MM-DD. */
export function weekStartOf(input: string): string {
  const at = /^\d{4}-\d{2}-\d{2}$/.test(input) ? new Date(`${input}T00:00:00Z`) : undefined;
  if (!at || Number.isNaN(at.getTime()) || at.toISOString().slice(0, 10) !== input) throw badUserInput('weekStart must be a date YYYY-MM-DD', 'weekStart');
  if (at.getUTCDay() !== 1) throw badUserInput('weekStart must be a Monday', 'weekStart');
  return input;
}
