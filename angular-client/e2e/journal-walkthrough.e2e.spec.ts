// A person's first session in the SPA, in Debian's Chromium against the whole system in embedded mode (the
// app's server, the gateway and every service as their own processes): register → create a journal → write
// an entry (autosaved) → insights arrive live → search finds it → an edit in another tab shows live → capture a
// thought → complete one day of a daily task in the planner (the next days stay open) → a reload keeps you signed in → log out → log back in. Screenshots go to artifacts/screenshots/.
// Insights and search are checked where this system serves them, and otherwise must degrade to a notice.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Dialog, Page } from 'playwright-core';
import { createTestDatabase, type TestDatabase } from '@mindflow/testing';
import { repoRoot, startSystem, type RunningSystem } from '@mindflow/tools';
import { expectNoSeriousViolations } from './a11y.js';
import { launchChromium } from './browser.js';

const screenshots = join(repoRoot, 'artifacts', 'screenshots');
const logs = process.env['E2E_LOGS'] ? process.stderr : null;

describe('the app in a browser (embedded mode)', () => {
  let system: RunningSystem;
  let writeDb: TestDatabase;
  let readDb: TestDatabase;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let appUrl: string;
  const email = `walk-${Date.now()}@example.com`;
  const password = 'correct horse battery staple';

  beforeAll(async () => {
    [writeDb, readDb] = await Promise.all([createTestDatabase('e2e-browser-write'), createTestDatabase('e2e-browser-read')]);
    system = await startSystem({ mode: 'embedded', writeDatabaseUrl: writeDb.url, readDatabaseUrl: readDb.url, output: logs });
    if (!system.appUrl) throw new Error('the SPA is not built (angular-client/dist is missing): run npx nx run @mindflow/angular-client:build');
    appUrl = system.appUrl;
    await mkdir(screenshots, { recursive: true });
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1200, height: 860 } });
    page = await context.newPage();
    page.setDefaultTimeout(30_000);
  });

  afterAll(async () => {
    await browser?.close();
    await system?.stop();
    await Promise.all([writeDb?.drop(), readDb?.drop()]);
  });

  const shot = (name: string) => page.screenshot({ path: join(screenshots, `${name}.png`), fullPage: true });
  /** A screen as the walk leaves it: its screenshot, and axe finds nothing serious or critical on it (e2e/a11y.ts). */
  const screen = async (name: string) => {
    await shot(name);
    await expectNoSeriousViolations(page, name);
  };

  it('walks from sign-up to sign-in again', async () => {
    // signed out: the app sends you to sign in
    await page.goto(appUrl);
    await page.waitForURL(/\/login/);
    await screen('01-login');
    await page.getByRole('link', { name: 'Create an account' }).click();
    await page.getByLabel('Name').fill('Walker');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent(), { timeout: 30_000 }).toContain('Hello, Walker');
    await screen('02-dashboard-empty');

    // a journal
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Journals' }).click();
    await page.getByLabel('Name').fill('Morning pages');
    await page.getByRole('button', { name: 'Icon 🌱' }).first().click();
    await page.getByRole('button', { name: 'Create journal' }).click();
    await page.getByRole('link', { name: /Morning pages/ }).click();
    await page.getByRole('heading', { name: /Morning pages/ }).waitFor();
    const journalUrl = page.url();

    // an entry, autosaved
    await page.getByRole('link', { name: 'New entry' }).first().click();
    await page.getByLabel('Title').fill('A quiet harbour');
    await page.getByRole('button', { name: 'Grateful', exact: true }).click();
    await page.getByLabel('Entry', { exact: true }).fill('Walked along the harbour at dawn. The lighthouse keeper waved; I felt grateful and calm.');
    await page.getByLabel(/^Tags/).fill('walking, gratitude');
    await page.getByRole('status').filter({ hasText: 'All changes saved' }).waitFor();
    await page.waitForURL(/\/entries\/[0-9a-f-]{36}$/);
    const entryUrl = page.url();

    // insights arrive live (without a reload) where the system has them; otherwise the panel says so
    const insights = page.getByRole('region', { name: 'Insights' });
    const arrived = insights.locator('.summary');
    const unavailable = insights.getByText('not available on this server yet');
    await arrived.or(unavailable).first().waitFor({ timeout: 90_000 });
    const insightsServed = await arrived.isVisible();
    if (insightsServed) expect((await arrived.textContent())?.trim().length).toBeGreaterThan(0);
    await screen('03-entry-editor');

    // search finds it where search exists; otherwise a notice, not an error
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Search' }).click();
    await page.getByLabel('Search entries, thoughts and tasks').fill('lighthouse');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    const found = page.getByRole('link', { name: 'A quiet harbour' });
    const noSearch = page.getByText('not available on this server yet');
    await expect.poll(async () => {
      if (await noSearch.isVisible()) return 'unavailable';
      if (await found.isVisible()) return 'found';
      const alert = page.getByRole('alert');
      if (await alert.isVisible()) return `error: ${await alert.textContent()}`;
      await page.getByRole('button', { name: 'Search', exact: true }).click(); // the index may lag a moment
      return `waiting: ${await page.getByRole('status').allTextContents()}`;
    }, { timeout: 60_000, interval: 1_000 }).toMatch(/^(found|unavailable)$/);
    await screen('04-search');

    // a change made in another tab appears in this one, live (entryChanged into the normalized cache)
    await page.goto(journalUrl);
    await page.getByRole('link', { name: /A quiet harbour/ }).waitFor();
    const otherTab = await context.newPage();
    await otherTab.goto(entryUrl);
    await expect.poll(() => otherTab.getByLabel('Title').inputValue(), { timeout: 30_000 }).toBe('A quiet harbour');
    await otherTab.getByLabel('Title').fill('A quiet harbour at dawn');
    await otherTab.getByRole('status').filter({ hasText: 'All changes saved' }).waitFor();
    await page.getByRole('link', { name: /A quiet harbour at dawn/ }).waitFor();
    await otherTab.close();

    // a thought from anywhere: Ctrl+K
    await page.keyboard.press('Control+k');
    await page.getByRole('dialog', { name: 'Capture a thought' }).getByLabel(/^Thought/).fill('Call the lighthouse keeper #harbour');
    await page.getByRole('button', { name: 'Save thought' }).click();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Thoughts' }).click();
    await page.getByText('Call the lighthouse keeper #harbour').waitFor();
    await page.getByRole('button', { name: '#harbour' }).click();
    await page.getByText('Call the lighthouse keeper #harbour').waitFor();
    await screen('05-thoughts');

    // a daily task, today's occurrence completed in the planner with one click: that day only
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Planner' }).click();
    await page.getByLabel('Task', { exact: true }).fill('Water the plants');
    await page.getByLabel('Repeats').selectOption({ label: 'Every day' });
    await page.getByRole('button', { name: 'Add task' }).click();
    const today = new Date().toISOString().slice(0, 10);
    const nextWeek = new Date(Date.now() + 7 * 24 * 3600 * 1000).toISOString().slice(0, 10);
    await page.getByRole('checkbox', { name: `Complete Water the plants on ${today}` }).click();
    await page.getByRole('checkbox', { name: `Reopen Water the plants on ${today}` }).waitFor();
    expect(await page.getByRole('checkbox', { name: `Reopen Water the plants on ${today}` }).isChecked()).toBe(true);
    // the rest of this week (whatever is left of it) and all of the next stay open
    expect(await page.getByRole('checkbox', { name: 'Reopen Water the plants' }).count()).toBe(1);
    await page.getByRole('button', { name: 'Next' }).click();
    const nextDay = page.getByRole('checkbox', { name: `Complete Water the plants on ${nextWeek}` });
    await nextDay.waitFor();
    expect(await nextDay.isChecked()).toBe(false);
    expect(await page.getByRole('checkbox', { name: /^Complete Water the plants on / }).count()).toBe(7);
    expect(await page.getByRole('checkbox', { name: 'Reopen Water the plants' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Today' }).click();
    await page.getByRole('checkbox', { name: `Reopen Water the plants on ${today}` }).waitFor();
    await page.getByRole('button', { name: 'Month' }).click();
    await page.getByRole('checkbox', { name: 'Reopen Water the plants' }).waitFor();
    await screen('06-planner-month');

    // a reload keeps you signed in (silent refresh through the httpOnly cookie), and the task stays done
    await page.reload();
    await page.getByRole('checkbox', { name: 'Reopen Water the plants' }).waitFor();
    await page.goto(entryUrl);
    await expect.poll(() => page.getByLabel('Title').inputValue(), { timeout: 30_000 }).toBe('A quiet harbour at dawn'); // the form appears once the entry is loaded
    if (insightsServed) await insights.locator('.summary').waitFor();

    // the dashboard, then log out and back in
    await page.getByRole('link', { name: 'MindFlow home' }).click();
    await page.getByRole('heading', { name: 'Hello, Walker' }).waitFor();
    await screen('07-dashboard');
    await page.getByRole('button', { name: 'Log out' }).click();
    await page.waitForURL(/\/login/);
    await page.goto(`${appUrl}/planner`);
    await page.waitForURL(/\/login\?returnUrl=%2Fplanner/);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/planner$/);
    await page.getByRole('checkbox', { name: 'Reopen Water the plants' }).waitFor();
  });

  it('follows the system into dark mode, keeps a dark theme chosen in Settings readable and remembered; 404 for an unknown page', async () => {
    // runs in the page: the page's background, and the contrast of text on what is behind it for a few kinds of text
    const background = () => page.evaluate<string>('getComputedStyle(document.documentElement).backgroundColor');
    const contrasts = () => page.evaluate<Record<string, number>>(`(() => {
      const rgb = (c) => c.match(/[\\d.]+/g).slice(0, 3).map(Number);
      const lum = (c) => { const [r, g, b] = rgb(c).map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; }); return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
      const behind = (el) => { for (let e = el; e; e = e.parentElement) { const c = getComputedStyle(e).backgroundColor; if (!/rgba\\(.*, 0\\)|transparent/.test(c)) return c; } return getComputedStyle(document.documentElement).backgroundColor; };
      const ratio = (el) => { const [a, b] = [lum(getComputedStyle(el).color), lum(behind(el))].sort((x, y) => y - x); return Math.round(((a + 0.05) / (b + 0.05)) * 100) / 100; };
      const of = { page: 'main h1', card: 'main .card h2', muted: 'main .card .muted', activeLink: 'nav a.active', button: 'main button.danger' };
      return Object.fromEntries(Object.entries(of).map(([name, selector]) => [name, ratio(document.querySelector(selector))]));
    })()`);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
    expect(await page.getByRole('radio', { name: /^System/ }).isChecked()).toBe(true);
    const light = await background();
    await page.emulateMedia({ colorScheme: 'dark' }); // System follows the device
    await expect.poll(background).not.toBe(light);
    await page.emulateMedia({ colorScheme: 'light' });
    await expect.poll(background).toBe(light);

    await page.getByRole('radio', { name: /^Dark/ }).check();
    await expect.poll(background).toBe('rgb(20, 21, 31)');
    for (const [text, ratio] of Object.entries(await contrasts())) expect(ratio, text).toBeGreaterThanOrEqual(4.5);
    await page.reload(); // remembered on this device
    await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
    expect(await background()).toBe('rgb(20, 21, 31)');
    expect(await page.getByRole('radio', { name: /^Dark/ }).isChecked()).toBe(true);
    await screen('11-settings-dark');
    await page.getByRole('radio', { name: /^System/ }).check();
    await expect.poll(background).toBe(light);

    await page.goto(`${appUrl}/no/such/page`);
    await page.getByRole('heading', { name: 'Page not found' }).waitFor();
    await expectNoSeriousViolations(page, '404');
    await page.getByRole('link', { name: 'Go to your dashboard' }).click();
    await page.getByRole('heading', { name: 'Hello, Walker' }).waitFor();
  });

  it('never loses an entry: a refused save, leaving and coming back, a dropped network', async () => {
    const content = page.getByLabel('Entry', { exact: true });
    const title = page.getByLabel('Title');
    const saveState = (text: string | RegExp) => page.locator('.save-state').filter({ hasText: text });
    await page.goto(`${appUrl}/journals`);
    await page.getByRole('link', { name: /Morning pages/ }).click();
    await page.getByRole('link', { name: 'New entry' }).first().click();
    await content.fill('The ferry was late, so I wrote this on the pier.');
    await saveState('All changes saved').waitFor();
    await page.waitForURL(/\/entries\/[0-9a-f-]{36}$/);
    const entryUrl = page.url();

    // the tag box suggests a tag of the first entry (the user's tags, Query.tags); the keyboard picks it
    const tags = page.getByRole('combobox', { name: /^Tags/ });
    await tags.fill('gra');
    await page.getByRole('listbox', { name: 'Your tags' }).getByRole('option', { name: '#gratitude' }).waitFor();
    await expectNoSeriousViolations(page, 'entry editor, tag suggestions open');
    await tags.press('ArrowDown');
    await tags.press('Enter');
    expect(await tags.inputValue()).toBe('gratitude, ');
    await saveState('All changes saved').waitFor();

    // the limits the editor checks as you type are the server's: 200 characters of title pass, 201 are refused
    const api = async (query: string, variables: Record<string, unknown>, token?: string) => {
      const response = await fetch(`${appUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as { data?: Record<string, { [key: string]: unknown } | null>; errors?: { extensions?: { code?: string; field?: string } }[] };
    };
    const registered = await api('mutation($email: String!, $password: String!) { register(email: $email, password: $password) { accessToken } }',
      { email: `limits-${Date.now()}@example.com`, password });
    const token = registered.data?.['register']?.['accessToken'] as string;
    const journal = await api('mutation($input: CreateJournalInput!) { createJournal(input: $input) { journal { id } } }', { input: { name: 'Limits' } }, token);
    const journalId = (journal.data?.['createJournal']?.['journal'] as { id: string }).id;
    const create = (title: string) => api('mutation($input: CreateEntryInput!) { createEntry(input: $input) { entry { id } } }',
      { input: { journalId, title, content: 'Limits.' } }, token);
    expect((await create('x'.repeat(200))).errors).toBeUndefined();
    expect((await create('x'.repeat(201))).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'title' });

    // a title over the server's limit (200): pointed at, not sent, and not lost
    const longTitle = 'On the pier, waiting '.repeat(11).trim();
    await title.fill(longTitle);
    await content.fill('The ferry was late, so I wrote this on the pier. Gulls everywhere.');
    await page.getByText(`A title can have at most 200 characters: this one has ${longTitle.length}`).waitFor();
    expect(await title.getAttribute('aria-invalid')).toBe('true');
    await saveState('Not saved — fix the highlighted field').waitFor();
    await screen('09-entry-refused-title');

    // leaving in the app asks first; staying keeps everything on screen
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Thoughts' }).click();
    const leave = page.getByRole('alertdialog', { name: 'Leave with unsaved changes?' });
    await leave.waitFor();
    await expectNoSeriousViolations(page, 'leave with unsaved changes?');
    await leave.getByRole('button', { name: 'Cancel' }).click();
    expect(page.url()).toBe(entryUrl);
    expect(await title.inputValue()).toBe(longTitle);

    // leaving the page altogether: the browser warns (beforeunload); left anyway, the draft stays on the device
    const dialogs: string[] = [];
    const onDialog = (dialog: Dialog) => {
      dialogs.push(dialog.type());
      void dialog.accept();
    };
    page.on('dialog', onDialog);
    await page.goto(`${appUrl}/thoughts`);
    page.off('dialog', onDialog);
    expect(dialogs).toEqual(['beforeunload']);
    // signed in again (refreshSession) before the next load: a load that cuts a refresh short presents the
    // rotated-out refresh token, and reuse detection ends the session
    await page.getByRole('heading', { name: 'Thoughts' }).waitFor();
    await page.goto(entryUrl);
    await page.getByText('Restored what you wrote on this device').waitFor();
    await expectNoSeriousViolations(page, 'entry editor, a draft restored');
    expect(await title.inputValue()).toBe(longTitle);
    expect(await content.innerText()).toContain('Gulls everywhere.');
    await saveState('Not saved — fix the highlighted field').waitFor();

    // fixed: saved, and the server has it (a reload reads it back, nothing left to restore)
    await title.fill('On the pier');
    await saveState('All changes saved').waitFor();
    await page.reload();
    await expect.poll(() => title.inputValue(), { timeout: 30_000 }).toBe('On the pier');
    expect(await content.innerText()).toContain('Gulls everywhere.');
    expect(await page.getByText('Restored what you wrote on this device').count()).toBe(0);

    // the network drops while writing: kept, then saved by itself when it is back (no Ctrl+S)
    await context.setOffline(true);
    await content.fill('The ferry was late, so I wrote this on the pier. Gulls everywhere. Written while the network was down.');
    await saveState('Offline — kept on this device, saves when you are back').waitFor();
    await page.getByRole('banner').getByText('You are offline.').waitFor();
    await screen('10-entry-offline');
    await context.setOffline(false);
    await saveState('All changes saved').waitFor({ timeout: 20_000 });
    await expect.poll(() => page.getByText('You are offline').count(), { timeout: 10_000 }).toBe(0);
    await page.reload();
    await expect.poll(() => content.innerText(), { timeout: 30_000 }).toContain('Written while the network was down.');
    expect(await page.getByText('Restored what you wrote on this device').count()).toBe(0);
  });

  it('renders the Markdown written in Preview, with raw HTML and javascript: links neutralised', async () => {
    await page.goto(`${appUrl}/journals`);
    await page.getByRole('link', { name: /Morning pages/ }).click();
    await page.getByRole('link', { name: 'New entry' }).first().click();
    const content = page.getByLabel('Entry', { exact: true });
    await content.click();
    await page.keyboard.type('# Low tide');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.keyboard.type('**Gulls** and *wind* <img src=x onerror=alert(1)> [tap](javascript:alert(1))');
    // the box grows with the text (no scroll inside it), and a right-to-left line reads right to left
    const box = page.locator('mf-markdown-editor .cm-editor');
    const height = (await box.boundingBox())!.height;
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.keyboard.type('שקט בנמל');
    for (let line = 1; line <= 15; line++) {
      await page.keyboard.press('Enter');
      await page.keyboard.type(`Line ${line}`);
    }
    expect((await box.boundingBox())!.height).toBeGreaterThan(height);
    expect(await page.evaluate<boolean>("(s => s.scrollHeight <= s.clientHeight)(document.querySelector('mf-markdown-editor .cm-scroller'))")).toBe(true);
    const direction = (selector: string) =>
      page.evaluate<string>(`getComputedStyle([...document.querySelectorAll('${selector}')].find((e) => e.textContent.startsWith('שקט'))).direction`);
    expect(await direction('.cm-line')).toBe('rtl');
    await page.getByRole('status').filter({ hasText: 'All changes saved' }).waitFor();
    await page.getByRole('button', { name: 'Preview' }).click();
    const preview = page.getByRole('region', { name: 'Entry preview' });
    await preview.getByRole('heading', { name: 'Low tide', level: 1 }).waitFor();
    expect(await preview.locator('strong').textContent()).toBe('Gulls');
    expect(await preview.locator('em').textContent()).toBe('wind');
    expect(await preview.locator('img, [onerror]').count()).toBe(0);
    expect(await preview.innerText()).toContain('<img src=x onerror=alert(1)>');
    expect(await preview.getByText('tap').getAttribute('href')).toBeNull();
    expect(await direction('.preview p')).toBe('rtl');
    await screen('11-entry-markdown-preview');
    await page.getByRole('button', { name: 'Write' }).click();
    await preview.waitFor({ state: 'detached' });
    expect(await content.innerText()).toContain('**Gulls**');
  });

  it('is usable on a phone-sized screen', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${appUrl}/journals`);
    const menu = page.getByRole('button', { name: 'Menu' });
    await menu.click();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Planner' }).click();
    await page.getByRole('heading', { name: 'Planner' }).waitFor();
    // runs in the page: nothing wider than the screen
    const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');
    expect(overflow).toBeLessThanOrEqual(0);
    await screen('08-phone-planner');
  });
});
