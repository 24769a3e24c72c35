import type {
  NotificationChannel, NotificationKind, NotificationPreferencesFieldsFragment, NotificationPreferencesInput,
} from '../../graphql/generated';

export const notificationKinds: readonly { kind: NotificationKind; label: string }[] = [
  { kind: 'TASK_DUE', label: 'Task reminders' },
  { kind: 'JOURNAL_PROMPT', label: 'Daily journal prompt' },
  { kind: 'WEEKLY_REFLECTION', label: 'Weekly reflection' },
  { kind: 'INSIGHTS_READY', label: 'New insights' },
];

export const notificationChannels: readonly { channel: NotificationChannel; label: string }[] = [
  { channel: 'IN_APP', label: 'In the app' },
  { channel: 'EMAIL', label: 'Email' },
  { channel: 'WEBHOOK', label: 'Webhooks' },
];

/** ISO weekdays, 1 = Monday. */
export const weekdays = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

/** The preferences as the form holds them: '' for a time not set, 0 for no weekly reflection. */
export interface PreferencesDraft {
  readonly timeZone: string;
  readonly promptOn: boolean;
  readonly journalPromptAt: string;
  readonly weeklyReflectionOn: number;
  readonly quietOn: boolean;
  readonly quietStart: string;
  readonly quietEnd: string;
  /** Per kind, the channels besides IN_APP (always on). */
  readonly channels: Readonly<Record<NotificationKind, readonly NotificationChannel[]>>;
}

/** The time zone of this device (browser), e.g. "Europe/Berlin". */
export function deviceTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

export function isTimeZone(zone: string): boolean {
  if (!zone.trim()) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone.trim() });
    return true;
  } catch {
    return false;
  }
}

/**
 * The form for the server's preferences. A time zone still at the server's default ("UTC") while this device is
 * elsewhere starts as the device's: `detected` says so (saving sends it).
 */
export function draftOfPreferences(prefs: NotificationPreferencesFieldsFragment, device: string): { draft: PreferencesDraft; detected: boolean } {
  const detected = prefs.timeZone === 'UTC' && device !== 'UTC';
  const channels = Object.fromEntries(notificationKinds.map(({ kind }) => [
    kind, (prefs.channels.find((c) => c.kind === kind)?.channels ?? ['IN_APP']).filter((c) => c !== 'IN_APP'),
  ])) as Record<NotificationKind, NotificationChannel[]>;
  return {
    detected,
    draft: {
      timeZone: detected ? device : prefs.timeZone,
      promptOn: prefs.journalPromptAt !== null,
      journalPromptAt: prefs.journalPromptAt ?? '20:00',
      weeklyReflectionOn: prefs.weeklyReflectionOn ?? 0,
      quietOn: prefs.quietHours !== null,
      quietStart: prefs.quietHours?.start ?? '22:00',
      quietEnd: prefs.quietHours?.end ?? '07:00',
      channels,
    },
  };
}

const hhmm = /^([01]\d|2[0-3]):[0-5]\d$/;

export type PreferencesField = 'timeZone' | 'journalPromptAt' | 'quietHours';

export function preferencesProblems(draft: PreferencesDraft): Partial<Record<PreferencesField, string>> {
  const problems: Partial<Record<PreferencesField, string>> = {};
  if (!isTimeZone(draft.timeZone)) problems.timeZone = 'Choose a time zone from the list, like Europe/Berlin.';
  if (draft.promptOn && !hhmm.test(draft.journalPromptAt)) problems.journalPromptAt = 'A time is hours and minutes, like 20:00.';
  if (draft.quietOn && (!hhmm.test(draft.quietStart) || !hhmm.test(draft.quietEnd))) problems.quietHours = 'Quiet hours need a start and an end, like 22:00 and 07:00.';
  else if (draft.quietOn && draft.quietStart === draft.quietEnd) problems.quietHours = 'Quiet hours cannot start and end at the same time.';
  return problems;
}

/** setNotificationPreferences' input: the whole set (what is off is null). */
export function preferencesInput(draft: PreferencesDraft): NotificationPreferencesInput {
  return {
    timeZone: draft.timeZone.trim(),
    journalPromptAt: draft.promptOn ? draft.journalPromptAt : null,
    weeklyReflectionOn: draft.weeklyReflectionOn || null,
    quietHours: draft.quietOn ? { start: draft.quietStart, end: draft.quietEnd } : null,
    channels: notificationKinds.map(({ kind }) => ({ kind, channels: ['IN_APP', ...draft.channels[kind]] })),
  };
}

export function withChannel(draft: PreferencesDraft, kind: NotificationKind, channel: NotificationChannel, on: boolean): PreferencesDraft {
  const current = draft.channels[kind].filter((c) => c !== channel);
  const next = on ? notificationChannels.map((c) => c.channel).filter((c) => c === channel || current.includes(c)) : current;
  return { ...draft, channels: { ...draft.channels, [kind]: next } };
}

/** The IANA zones this browser knows (for the time zone field's suggestions). */
export function knownTimeZones(): readonly string[] {
  const intl = Intl as typeof Intl & { supportedValuesOf?: (key: string) => string[] };
  return intl.supportedValuesOf?.('timeZone') ?? [];
}
