import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { Gql } from '../../core/gql';
import {
  NotificationPreferencesDocument, SetNotificationPreferencesDocument, type NotificationPreferencesFieldsFragment,
} from '../../graphql/generated';
import { NotificationPreferencesSettings } from './notification-preferences';
import { preferencesInput, draftOfPreferences, preferencesProblems } from './notification-preferences-draft';

const defaults: NotificationPreferencesFieldsFragment = {
  timeZone: 'UTC', journalPromptAt: null, weeklyReflectionOn: null, quietHours: null,
  channels: [
    { kind: 'TASK_DUE', channels: ['IN_APP'] }, { kind: 'JOURNAL_PROMPT', channels: ['IN_APP'] },
    { kind: 'WEEKLY_REFLECTION', channels: ['IN_APP', 'EMAIL'] }, { kind: 'INSIGHTS_READY', channels: ['IN_APP'] },
  ],
};

class FakeGql {
  prefs = defaults;
  readonly saved: unknown[] = [];
  async query(document: unknown) {
    if (document === NotificationPreferencesDocument) return { notificationPreferences: this.prefs };
    throw new Error('unexpected query');
  }
  async mutate(document: unknown, variables: { input: NotificationPreferencesFieldsFragment }) {
    if (document !== SetNotificationPreferencesDocument) throw new Error('unexpected mutation');
    this.saved.push(variables.input);
    const i = variables.input;
    this.prefs = { timeZone: i.timeZone, journalPromptAt: i.journalPromptAt, weeklyReflectionOn: i.weeklyReflectionOn, quietHours: i.quietHours, channels: i.channels };
    return { setNotificationPreferences: this.prefs };
  }
}

async function open(device = 'Europe/Berlin') {
  vi.spyOn(Intl.DateTimeFormat.prototype, 'resolvedOptions').mockReturnValue({ timeZone: device } as Intl.ResolvedDateTimeFormatOptions);
  const gql = new FakeGql();
  TestBed.configureTestingModule({ providers: [provideRouter([]), { provide: Gql, useValue: gql }] });
  const fixture = TestBed.createComponent(NotificationPreferencesSettings);
  const el = fixture.nativeElement as HTMLElement;
  const stable = async () => { await fixture.whenStable(); fixture.detectChanges(); await fixture.whenStable(); };
  await stable();
  const byLabel = <T extends HTMLElement>(id: string) => el.querySelector<T>(`#${id}`)!;
  const check = (text: string) => Array.from(el.querySelectorAll<HTMLInputElement>('input[type=checkbox]')).find((b) => b.closest('label')!.textContent!.trim() === text)!;
  const type = async (input: HTMLInputElement | HTMLSelectElement, value: string) => {
    input.value = value;
    input.dispatchEvent(new Event(input instanceof HTMLSelectElement ? 'change' : 'input'));
    await stable();
  };
  const submit = () => el.querySelector<HTMLButtonElement>('button[type=submit]')!;
  return { gql, el, stable, byLabel, check, type, submit };
}

describe('notification preferences', () => {
  afterEach(() => vi.restoreAllMocks());

  it('starts from the device time zone when the server still has UTC, and saves the whole set', async () => {
    const { gql, el, byLabel, check, type, submit, stable } = await open();
    expect(byLabel<HTMLInputElement>('prefs-zone').value).toBe('Europe/Berlin');
    expect(el.textContent).toContain('Detected from this device');
    expect(el.querySelector('label[for=prefs-zone]')!.textContent).toBe('Time zone');

    check('Remind me to write every day').click();
    await stable();
    await type(byLabel('prefs-prompt-at'), '21:15');
    await type(byLabel('prefs-weekly'), byLabel<HTMLSelectElement>('prefs-weekly').options[7]!.value); // Sunday
    check('Only in the app during quiet hours').click();
    await stable();
    // the task reminders by email too: the kind's own group of boxes
    const taskEmail = el.querySelector<HTMLInputElement>('input[name=TASK_DUE-EMAIL]')!;
    expect(taskEmail.closest('fieldset')!.querySelector('legend')!.textContent).toBe('Task reminders');
    expect(el.querySelector<HTMLInputElement>('input[name=TASK_DUE-IN_APP]')!.disabled).toBe(true);
    taskEmail.click();
    await stable();

    submit().click();
    await stable();
    expect(gql.saved).toEqual([{
      timeZone: 'Europe/Berlin', journalPromptAt: '21:15', weeklyReflectionOn: 7, quietHours: { start: '22:00', end: '07:00' },
      channels: [
        { kind: 'TASK_DUE', channels: ['IN_APP', 'EMAIL'] }, { kind: 'JOURNAL_PROMPT', channels: ['IN_APP'] },
        { kind: 'WEEKLY_REFLECTION', channels: ['IN_APP', 'EMAIL'] }, { kind: 'INSIGHTS_READY', channels: ['IN_APP'] },
      ],
    }]);
    expect(el.querySelector('[role=status]')!.textContent).toContain('Saved.');
    expect(el.textContent).not.toContain('Detected from this device');
  });

  it('refuses an unknown time zone and equal quiet hours before sending', async () => {
    const { el, byLabel, type, submit, check, stable } = await open('UTC');
    expect(byLabel<HTMLInputElement>('prefs-zone').value).toBe('UTC');
    await type(byLabel('prefs-zone'), 'Mars/Olympus');
    expect(byLabel('prefs-zone').getAttribute('aria-invalid')).toBe('true');
    expect(el.textContent).toContain('Choose a time zone from the list');
    expect(submit().disabled).toBe(true);
    await type(byLabel('prefs-zone'), 'America/New_York');
    check('Only in the app during quiet hours').click();
    await stable();
    await type(byLabel('prefs-quiet-end'), '22:00');
    expect(el.textContent).toContain('cannot start and end at the same time');
    expect(submit().disabled).toBe(true);
  });

  it('reads the saved preferences back into the form, and off is null', () => {
    const saved: NotificationPreferencesFieldsFragment = { ...defaults, timeZone: 'Asia/Tokyo', journalPromptAt: '07:30', weeklyReflectionOn: 5, quietHours: { start: '23:00', end: '06:00' } };
    const { draft, detected } = draftOfPreferences(saved, 'Europe/Berlin');
    expect(detected).toBe(false);
    expect(draft).toMatchObject({ timeZone: 'Asia/Tokyo', promptOn: true, journalPromptAt: '07:30', weeklyReflectionOn: 5, quietOn: true });
    expect(preferencesProblems(draft)).toEqual({});
    expect(preferencesInput({ ...draft, promptOn: false, quietOn: false, weeklyReflectionOn: 0 })).toMatchObject({ journalPromptAt: null, weeklyReflectionOn: null, quietHours: null });
  });
});
