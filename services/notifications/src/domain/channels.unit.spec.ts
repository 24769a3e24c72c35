import { describe, expect, it } from 'vitest';
import { chooseChannels, inQuietHours, type ChannelPreferences } from './channels.js';
import { isValidTimeZone, usableTimeZone } from './time-zone.js';

const at = (value: string) => new Date(value);
const preferences = (overrides: Partial<ChannelPreferences> = {}): ChannelPreferences => ({
  timeZone: 'Europe/Berlin',
  quietStart: null,
  quietEnd: null,
  channels: {},
  emailUnsubscribed: false,
  ...overrides,
});
const sorted = (set: ReadonlySet<string>) => [...set].sort();

describe('quiet hours', () => {
  it('wrap midnight, local in the user’s zone, end excluded', () => {
    expect(inQuietHours(at('2030-06-01T21:30:00Z'), 'Europe/Berlin', '22:00', '07:00')).toBe(true); // 23:30 CEST
    expect(inQuietHours(at('2030-06-01T04:59:00Z'), 'Europe/Berlin', '22:00', '07:00')).toBe(true); // 06:59
    expect(inQuietHours(at('2030-06-01T05:00:00Z'), 'Europe/Berlin', '22:00', '07:00')).toBe(false); // 07:00
    expect(inQuietHours(at('2030-06-01T21:30:00Z'), 'UTC', '22:00', '07:00')).toBe(false);
  });

  it('within one day, none when unset or empty', () => {
    expect(inQuietHours(at('2030-06-01T10:30:00Z'), 'UTC', '10:00:00', '11:00:00')).toBe(true);
    expect(inQuietHours(at('2030-06-01T11:00:00Z'), 'UTC', '10:00', '11:00')).toBe(false);
    expect(inQuietHours(at('2030-06-01T10:30:00Z'), 'UTC', null, null)).toBe(false);
    expect(inQuietHours(at('2030-06-01T10:30:00Z'), 'UTC', '10:00', '10:00')).toBe(false);
  });
});

describe('the channels of a notification', () => {
  const noon = at('2030-06-01T10:00:00Z');
  it('are IN_APP, EMAIL and (to subscribed webhooks) WEBHOOK by default', () => {
    expect(sorted(chooseChannels('TASK_DUE', null, noon))).toEqual(['EMAIL', 'IN_APP', 'WEBHOOK']);
    expect(sorted(chooseChannels('JOURNAL_PROMPT', preferences(), noon))).toEqual(['EMAIL', 'IN_APP', 'WEBHOOK']);
  });

  it('follow the user’s choice for the kind, IN_APP always', () => {
    const chosen = preferences({ channels: { TASK_DUE: ['WEBHOOK'], WEEKLY_REFLECTION: ['IN_APP', 'EMAIL'] } });
    expect(sorted(chooseChannels('TASK_DUE', chosen, noon))).toEqual(['IN_APP', 'WEBHOOK']);
    expect(sorted(chooseChannels('WEEKLY_REFLECTION', chosen, noon))).toEqual(['EMAIL', 'IN_APP']);
    expect(sorted(chooseChannels('JOURNAL_PROMPT', chosen, noon))).toEqual(['EMAIL', 'IN_APP', 'WEBHOOK']);
  });

  it('drop EMAIL after the one-click unsubscribe, and everything but IN_APP in quiet hours', () => {
    expect(sorted(chooseChannels('TASK_DUE', preferences({ emailUnsubscribed: true }), noon))).toEqual(['IN_APP', 'WEBHOOK']);
    const quiet = preferences({ quietStart: '22:00', quietEnd: '07:00' });
    expect(sorted(chooseChannels('TASK_DUE', quiet, at('2030-06-01T23:00:00Z')))).toEqual(['IN_APP']);
    expect(sorted(chooseChannels('TASK_DUE', quiet, noon))).toEqual(['EMAIL', 'IN_APP', 'WEBHOOK']);
  });
});

describe('time zones', () => {
  it('are IANA names the runtime knows; an unknown one falls back to UTC', () => {
    expect(isValidTimeZone('Europe/Berlin')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(usableTimeZone('Mars/Olympus_Mons')).toBe('UTC');
    expect(usableTimeZone(null)).toBe('UTC');
    expect(usableTimeZone('Asia/Tokyo')).toBe('Asia/Tokyo');
  });
});
