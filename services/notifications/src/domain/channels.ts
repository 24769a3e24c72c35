import { Temporal } from '@js-temporal/polyfill';
import type { NotificationKind } from '@mindflow/events';
import { timeOfDay, usableTimeZone, zonedAt } from './time-zone.js';

export const notificationChannels = ['IN_APP', 'EMAIL', 'WEBHOOK'] as const;
export type NotificationChannel = (typeof notificationChannels)[number];

/** Every kind's channels when the user chose none for it. WEBHOOK: only to webhooks subscribed to the kind. */
export const defaultChannels: readonly NotificationChannel[] = ['IN_APP', 'EMAIL', 'WEBHOOK'];

/** What the channel choice reads of notification_preferences (null: no row, the defaults). */
export interface ChannelPreferences {
  readonly timeZone: string;
  /** Local "HH:MM[:SS]", both or neither. */
  readonly quietStart: string | null;
  readonly quietEnd: string | null;
  /** `{ "<NotificationKind>": ["IN_APP", "EMAIL", "WEBHOOK"] }`: absent kinds get the default. */
  readonly channels: Readonly<Record<string, readonly string[]>>;
  readonly emailUnsubscribed: boolean;
}

/**
 * Whether `at` lies within the quiet hours [start, end) local in `timeZone`. The range may wrap midnight
 * (22:00–07:00); start = end means no quiet hours.
 */
export function inQuietHours(at: Date, timeZone: string, start: string | null, end: string | null): boolean {
  if (!start || !end) return false;
  const from = timeOfDay(start);
  const to = timeOfDay(end);
  const order = Temporal.PlainTime.compare(from, to);
  if (order === 0) return false;
  const now = zonedAt(at, timeZone).toPlainTime();
  const afterStart = Temporal.PlainTime.compare(now, from) >= 0;
  const beforeEnd = Temporal.PlainTime.compare(now, to) < 0;
  return order < 0 ? afterStart && beforeEnd : afterStart || beforeEnd;
}

/**
 * The channels a notification of `kind` created at `at` goes out on: the user's choice for the kind (default
 * IN_APP + EMAIL + WEBHOOK), IN_APP always (every notification is in the in-app centre), EMAIL not after the
 * one-click unsubscribe, and inside quiet hours IN_APP only. WEBHOOK in the set means "allowed": the delivery
 * side sends it only to the user's enabled webhooks subscribed to the kind (none: no webhook delivery).
 */
export function chooseChannels(kind: NotificationKind, preferences: ChannelPreferences | null, at: Date): ReadonlySet<NotificationChannel> {
  const chosen = new Set<NotificationChannel>(['IN_APP']);
  if (preferences && inQuietHours(at, usableTimeZone(preferences.timeZone), preferences.quietStart, preferences.quietEnd)) return chosen;
  const wanted = preferences?.channels[kind] ?? defaultChannels;
  for (const channel of notificationChannels) if (wanted.includes(channel)) chosen.add(channel);
  if (preferences?.emailUnsubscribed) chosen.delete('EMAIL');
  return chosen;
}
