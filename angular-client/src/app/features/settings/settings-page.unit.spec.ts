import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { Gql } from '../../core/gql';
import type { ApiError } from '../../core/graphql-errors';
import { SessionStore } from '../../core/session-store';
import { InsightsSettingDocument, SetInsightsEnabledDocument } from '../../graphql/generated';
import { SettingsPage } from './settings-page';
import { themeStorageKey } from './theme';

class FakeGql {
  enabled = true;
  refuse: ApiError | null = null;
  readonly mutations: { document: unknown; variables: Record<string, unknown> }[] = [];
  async query(document: unknown) {
    if (document === InsightsSettingDocument) return { me: { id: 'u1', insightsEnabled: this.enabled } };
    throw new Error('unexpected query');
  }
  async mutate(document: unknown, variables: Record<string, unknown>) {
    this.mutations.push({ document, variables });
    if (this.refuse) throw this.refuse;
    if (document === SetInsightsEnabledDocument) return { setInsightsEnabled: (this.enabled = variables['enabled'] === true) };
    throw new Error('unexpected mutation');
  }
}

class FakeSession {
  readonly user = signal({ id: 'u1', email: 'walker@example.com', name: 'Walker', roles: [] as string[] });
  readonly logouts: boolean[] = [];
  failures: ApiError[] = [];
  refreshed = 0;
  async logout(everywhere = false) {
    this.logouts.push(everywhere);
    const failure = this.failures.shift();
    if (failure) throw failure;
  }
  async refresh() {
    this.refreshed++;
    return true;
  }
}

async function open() {
  const gql = new FakeGql();
  const session = new FakeSession();
  TestBed.configureTestingModule({ providers: [provideRouter([]), { provide: Gql, useValue: gql }, { provide: SessionStore, useValue: session }] });
  const navigated: string[] = [];
  vi.spyOn(TestBed.inject(Router), 'navigateByUrl').mockImplementation((url) => { navigated.push(String(url)); return Promise.resolve(true); });
  const fixture = TestBed.createComponent(SettingsPage);
  const el = fixture.nativeElement as HTMLElement;
  await fixture.whenStable();
  const stable = () => fixture.whenStable();
  const radio = (label: string) => Array.from(el.querySelectorAll<HTMLInputElement>('input[type=radio]')).find((r) => r.closest('label')!.textContent!.includes(label))!;
  const button = (text: string) => Array.from(el.querySelectorAll<HTMLButtonElement>('button')).find((b) => b.textContent!.trim() === text)!;
  const insightsBox = () => el.querySelector<HTMLInputElement>('input[role=switch]')!;
  return { gql, session, fixture, el, stable, radio, button, insightsBox, navigated };
}

describe('the settings page', () => {
  const root = document.documentElement;
  beforeEach(() => {
    localStorage.clear();
    root.removeAttribute('data-theme');
  });
  afterEach(() => root.removeAttribute('data-theme'));

  it('follows the system at first; Dark and Light are applied to the document and remembered, System forgets', async () => {
    const { radio, stable } = await open();
    expect(radio('System').checked).toBe(true);

    radio('Dark').click();
    await stable();
    expect(root.getAttribute('data-theme')).toBe('dark');
    expect(localStorage.getItem(themeStorageKey)).toBe('dark');
    expect(radio('Dark').checked).toBe(true);

    radio('Light').click();
    await stable();
    expect(root.getAttribute('data-theme')).toBe('light');
    expect(localStorage.getItem(themeStorageKey)).toBe('light');

    radio('System').click();
    await stable();
    expect(root.hasAttribute('data-theme')).toBe(false);
    expect(localStorage.getItem(themeStorageKey)).toBeNull();
  });

  it('shows the remembered choice when opened again', async () => {
    localStorage.setItem(themeStorageKey, 'dark');
    const { radio } = await open();
    expect(radio('Dark').checked).toBe(true);
    expect(root.getAttribute('data-theme')).toBe('dark');
  });

  it('shows the insights setting from the server and turns it off and on with setInsightsEnabled', async () => {
    const { gql, insightsBox, stable } = await open();
    await vi.waitFor(() => expect(insightsBox().disabled).toBe(false));
    expect(insightsBox().checked).toBe(true);

    insightsBox().click();
    await vi.waitFor(() => expect(gql.mutations).toHaveLength(1));
    await stable();
    expect(gql.mutations[0]).toEqual({ document: SetInsightsEnabledDocument, variables: { enabled: false } });
    expect(insightsBox().checked).toBe(false);

    insightsBox().click();
    await vi.waitFor(() => expect(gql.mutations).toHaveLength(2));
    await stable();
    expect(gql.mutations[1]!.variables).toEqual({ enabled: true });
    expect(insightsBox().checked).toBe(true);
  });

  it('turns the switch back and says why when the server refuses', async () => {
    const { gql, el, insightsBox, stable } = await open();
    await vi.waitFor(() => expect(insightsBox().disabled).toBe(false));
    gql.refuse = { code: 'NETWORK', message: 'The server could not be reached.' };
    insightsBox().click();
    await vi.waitFor(() => expect(el.querySelector('[role=alert]')?.textContent).toContain('could not be reached'));
    await stable();
    expect(insightsBox().checked).toBe(true);
    expect(insightsBox().disabled).toBe(false);
  });

  it('says who is signed in, and logs out everywhere after a confirmation, then goes to sign in', async () => {
    const { session, button, stable, navigated, el } = await open();
    expect(el.textContent!.replace(/\s+/g, ' ')).toContain('Signed in as Walker (walker@example.com)');
    button('Log out everywhere').click();
    await stable();
    const dialog = el.querySelector('[role=alertdialog]')!;
    expect(dialog.textContent).toContain('Every device');
    Array.from(dialog.querySelectorAll('button')).find((b) => b.textContent === 'Cancel')!.click();
    await stable();
    expect(session.logouts).toEqual([]);
    expect(document.activeElement).toBe(button('Log out everywhere'));

    button('Log out everywhere').click();
    await stable();
    el.querySelector<HTMLButtonElement>('[role=alertdialog] button.danger')!.click();
    await vi.waitFor(() => expect(navigated).toEqual(['/login']));
    expect(session.logouts).toEqual([true]);
  });

  it('stays signed in and says so when logging out everywhere fails; an expired token is renewed once', async () => {
    const { session, button, stable, navigated, el } = await open();
    session.failures = [{ code: 'UNAUTHENTICATED', message: 'expired' }];
    button('Log out everywhere').click();
    await stable();
    el.querySelector<HTMLButtonElement>('[role=alertdialog] button.danger')!.click();
    await vi.waitFor(() => expect(navigated).toEqual(['/login']));
    expect(session.refreshed).toBe(1);
    expect(session.logouts).toEqual([true, true]);

    navigated.length = 0;
    session.failures = [{ code: 'NETWORK', message: 'The server could not be reached.' }];
    button('Log out everywhere').click();
    await stable();
    el.querySelector<HTMLButtonElement>('[role=alertdialog] button.danger')!.click();
    await vi.waitFor(() => expect(el.querySelector('[role=alert]')?.textContent).toContain('could not be reached'));
    expect(navigated).toEqual([]);
  });

  it('lists the keyboard shortcuts', async () => {
    const { el } = await open();
    const rows = Array.from(el.querySelectorAll('.shortcuts dt')).map((dt) => `${dt.textContent!.replace(/\s+/g, ' ').trim()} = ${dt.nextElementSibling!.textContent}`);
    expect(rows).toContain('Ctrl+K or ⌘+K = Capture a thought, from any page');
    expect(rows).toContain('Ctrl+S or ⌘+S = Save the entry you are writing now');
    expect(rows).toContain('Esc = Close a dialog or a list of suggestions');
  });
});
