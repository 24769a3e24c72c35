// Values a hostile or broken client sends, by the GraphQL type of the argument or input field they go to.

export interface HostileValue {
  readonly label: string;
  readonly value: unknown;
  /**
   * `refused`: the only right answer is BAD_USER_INPUT. `either`: a value a lenient API may accept (an odd
   * but valid string) — then it is stored as sent — or refuse with BAD_USER_INPUT; never anything else.
   */
  readonly expect: 'refused' | 'either';
}

const huge = 'A'.repeat(200_000);

/** Unicode a text field may keep: right-to-left override, zero-width joiners, combining marks, emoji, BOM. */
export const unicodeOddities = '\u202Egnp.exe\u200B\u200D\uFEFF e\u0301\u0301\u0301 \u{1F600}\u{1F469}\u200D\u{1F469}\u200D\u{1F467}';

const wrongTypes: HostileValue[] = [
  { label: 'an object', value: { $ne: null }, expect: 'refused' },
  { label: 'a boolean', value: true, expect: 'refused' },
];

const strings: HostileValue[] = [
  { label: 'a 200 000 character string', value: huge, expect: 'refused' },
  { label: 'a null byte', value: 'before\u0000after', expect: 'refused' },
  { label: 'a lone surrogate', value: 'half \uD800 a pair', expect: 'either' },
  { label: 'unicode oddities', value: unicodeOddities, expect: 'either' },
  { label: 'a number', value: 12345, expect: 'refused' },
  ...wrongTypes,
];

export const hostileValues: Record<string, HostileValue[]> = {
  String: strings,
  ID: [
    { label: 'not a uuid', value: "1' OR '1'='1", expect: 'either' },
    { label: 'a 200 000 character id', value: huge, expect: 'either' },
    { label: 'a null byte', value: '00000000-0000-0000-0000-000000000000\u0000', expect: 'either' },
    ...wrongTypes,
  ],
  Int: [
    { label: '2^31', value: 2 ** 31, expect: 'refused' },
    { label: 'a fraction', value: 1.5, expect: 'refused' },
    { label: 'a string', value: '1', expect: 'refused' },
    { label: 'negative', value: -1, expect: 'either' },
  ],
  Boolean: [{ label: 'a string', value: 'yes', expect: 'refused' }, { label: 'a number', value: 1, expect: 'refused' }],
  Date: [
    { label: 'the 30th of February', value: '2031-02-30', expect: 'refused' },
    { label: 'a day-first date', value: '30/01/2031', expect: 'refused' },
    { label: 'an empty string', value: '', expect: 'refused' },
    { label: 'year 99999', value: '99999-01-01', expect: 'refused' },
    { label: 'before 2000', value: '1969-12-31', expect: 'refused' },
    { label: 'a number', value: 20310101, expect: 'refused' },
  ],
  DateTime: [
    { label: 'a word', value: 'yesterday', expect: 'refused' },
    { label: 'month 13', value: '2031-13-01T00:00:00Z', expect: 'refused' },
    { label: 'the end of time', value: '+275760-09-13T00:00:00Z', expect: 'refused' },
    { label: 'a number', value: 1_900_000_000_000, expect: 'refused' },
    { label: 'a null byte', value: '2031-01-01T00:00:00Z\u0000', expect: 'refused' },
  ],
  Mood: [{ label: 'an unknown mood', value: 'EUPHORIC', expect: 'refused' }, { label: 'lower case', value: 'great', expect: 'refused' }],
  Priority: [{ label: 'an unknown priority', value: 'CRITICAL', expect: 'refused' }],
  ExportFormat: [{ label: 'an unknown format', value: 'DOCX', expect: 'refused' }, { label: 'lower case', value: 'pdf', expect: 'refused' }],
  '[String!]': [
    { label: 'a null in the list', value: ['ok', null], expect: 'refused' },
    { label: '5 000 items', value: Array.from({ length: 5_000 }, (_, i) => `t${i}`), expect: 'refused' },
    { label: 'a 200 000 character item', value: [huge], expect: 'refused' },
    { label: 'a null byte in an item', value: ['a\u0000b'], expect: 'refused' },
  ],
  // Notifications (issue 14).
  '[ID!]': [
    { label: 'a null in the list', value: ['00000000-0000-0000-0000-000000000000', null], expect: 'refused' },
    { label: '5 000 ids', value: Array.from({ length: 5_000 }, () => '00000000-0000-0000-0000-000000000000'), expect: 'refused' },
    { label: 'ids that are not uuids', value: ["1' OR '1'='1", 'a\u0000b'], expect: 'either' },
  ],
  '[NotificationKind!]': [
    { label: 'an unknown kind', value: ['SMS'], expect: 'refused' },
    { label: 'no kind', value: [], expect: 'refused' },
    { label: 'a null in the list', value: ['TASK_DUE', null], expect: 'refused' },
  ],
  QuietHoursInput: [
    { label: 'no end', value: { start: '22:00' }, expect: 'refused' },
    { label: 'an empty span', value: { start: '22:00', end: '22:00' }, expect: 'refused' },
    { label: 'a field of its own', value: { start: '22:00', end: '07:00', $where: '1' }, expect: 'refused' },
    ...wrongTypes,
  ],
  '[ChannelChoiceInput!]': [
    { label: 'an unknown channel', value: [{ kind: 'TASK_DUE', channels: ['SMS'] }], expect: 'refused' },
    { label: 'a kind twice', value: [{ kind: 'TASK_DUE', channels: [] }, { kind: 'TASK_DUE', channels: ['EMAIL'] }], expect: 'refused' },
    { label: 'a null in the list', value: [null], expect: 'refused' },
  ],
};

/** RRULEs that must be refused on `recurrence` (RFC 5545 value ranges, and ones that never occur). */
export const hostileRecurrences: HostileValue[] = [
  'FREQ=SECONDLY',
  'FREQ=DAILY;INTERVAL=0',
  'FREQ=DAILY;INTERVAL=x',
  'FREQ=DAILY;COUNT=0',
  'FREQ=DAILY;COUNT=99999999999999999999',
  'FREQ=WEEKLY;BYDAY=FUNDAY',
  'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30',
  'FREQ=DAILY;UNTIL=19990101T000000Z',
  'FREQ=DAILY\nEXDATE:20310101',
  'FREQ=DAILY;BYHOUR=1,2,3',
  'FREQ=MONTHLY;BYSETPOS=400;BYDAY=MO',
  'FREQ=DAILY;FREQ=WEEKLY',
  `FREQ=DAILY;${'BYDAY=MO;'.repeat(2_000)}`,
].map((value) => ({ label: `RRULE ${JSON.stringify(value.slice(0, 40))}`, value, expect: 'refused' as const }));

/** Short, plausible strings that a field may well refuse or keep; used where `huge` would be a different test. */
export const emailLike: HostileValue[] = [
  { label: 'an address with a null byte', value: 'a\u0000@example.com', expect: 'refused' },
  { label: 'an address of 200 000 characters', value: `${huge}@example.com`, expect: 'refused' },
];
