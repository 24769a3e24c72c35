// Two things left of issue 17, in Debian's Chromium against the whole system in embedded mode, at phone size:
// - the sign-in page says why its button waits, shows the password on request, and words the server's refusal as a
//   sentence that goes when one types again;
// - thoughts can be edited or turned into a task: a thought captured with a #tag, edited in place (its text and
//   tags), then made a task for today — gone from the thoughts, in the planner's today; another made an entry (no
//   journal yet: said, with a link to make one; then the journal offered, the entry opened with the words, the thought gone).
// axe on each screen, light and dark.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { createTestDatabase, type TestDatabase } from '@mindflow/testing';
import { startSystem, type RunningSystem } from '@mindflow/tools';
import { expectNoSeriousViolations } from './a11y.js';
import { launchChromium } from './browser.js';

const logs = process.env['E2E_LOGS'] ? process.stderr : null;

describe('the sign-in page, and thoughts edited and made tasks (embedded mode)', () => {
  let system: RunningSystem;
  let databases: TestDatabase[] = [];
  let browser: Browser;

  beforeAll(async () => {
    databases = await Promise.all([createTestDatabase('e2e-thoughts-write'), createTestDatabase('e2e-thoughts-read')]);
    system = await startSystem({ mode: 'embedded', writeDatabaseUrl: databases[0]!.url, readDatabaseUrl: databases[1]!.url, output: logs });
    if (!system.appUrl) throw new Error('the SPA is not built (angular-client/dist is missing): run npx nx run @mindflow/angular-client:build');
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await system?.stop();
    await Promise.all(databases.map((db) => db.drop()));
  });

  it('sign-in says why it waits and shows the password; then a thought is edited and made a task for today', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    await page.goto(system.appUrl!);
    await page.waitForURL(/\/login/);
    // why the button waits, the password shown on request, a refusal as a sentence that goes when one types again
    const signIn = page.getByRole('button', { name: 'Sign in' });
    expect(await signIn.isDisabled()).toBe(true);
    await page.getByText('Type your email address to continue.').waitFor();
    await page.getByLabel('Email').fill('nobody-at-all@example.com');
    await page.getByLabel('Password', { exact: true }).fill('short');
    await page.getByText('The password needs at least 10 characters (5 more).').waitFor();
    const show = page.getByRole('button', { name: 'Show' });
    expect(await show.getAttribute('aria-pressed')).toBe('false');
    await show.click();
    expect(await page.getByLabel('Password', { exact: true }).getAttribute('type')).toBe('text');
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await expectNoSeriousViolations(page, `sign in: the password shown, why the button waits (${scheme})`);
    }
    await page.emulateMedia({ colorScheme: 'light' });
    await page.getByLabel('Password', { exact: true }).fill('not the password at all');
    await signIn.click();
    await page.getByRole('alert').filter({ hasText: /^\s*Invalid email or password\.\s*$/ }).waitFor();
    await page.getByLabel('Password', { exact: true }).fill('not the password at all!');
    await expect.poll(() => page.getByRole('alert').count()).toBe(0);
    await page.getByRole('link', { name: 'Create an account' }).click();
    await page.getByLabel('Name').fill('Thinker');
    await page.getByLabel('Email').fill(`thinker-${Date.now()}@example.com`);
    await page.getByLabel('Password', { exact: true }).fill('correct horse battery staple');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('heading', { name: /Hello, Thinker/, level: 1 }).waitFor();
    await page.goto(`${system.appUrl}/thoughts`);
    await page.getByLabel(/Capture a thought/).fill('Call the harbour master #boat');
    await page.getByRole('button', { name: 'Capture' }).click();
    const list = page.getByRole('region', { name: 'Your thoughts' });
    await list.getByText('Call the harbour master #boat').waitFor();

    // edited in place: the text and its tags
    await list.getByRole('button', { name: 'Edit' }).click();
    const edit = page.getByLabel('Edit the thought');
    expect(await edit.inputValue()).toBe('Call the harbour master #boat');
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await expectNoSeriousViolations(page, `thoughts: editing one (${scheme})`);
    }
    await page.emulateMedia({ colorScheme: 'light' });
    await edit.fill('Call the harbour master about the mooring #boat #harbour');
    await list.getByRole('button', { name: 'Save' }).click();
    await list.getByText('Call the harbour master about the mooring #boat #harbour').waitFor();
    await list.getByText('#harbour', { exact: true }).waitFor();
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);

    // made a task for today: gone from the thoughts, said with a link to the planner, where it is today
    await list.getByRole('button', { name: 'Make it a task' }).click();
    const made = page.getByRole('status').filter({ hasText: 'is a task for today now' });
    await made.waitFor();
    await expect.poll(() => list.getByText(/harbour master/).count(), { timeout: 30_000 }).toBe(0);
    await expectNoSeriousViolations(page, 'thoughts: one made a task');
    await made.getByRole('link', { name: 'Open the planner' }).click();
    await page.waitForURL(/\/planner/);
    await page.getByText('Call the harbour master about the mooring #boat #harbour').first().waitFor();
    expect(await page.getByRole('alert').count()).toBe(0);

    // made an entry: with no journal yet the page says so with a link to make one; then, by keyboard, the journal
    // offered, the entry made (first line the title, the rest the content, the tag kept), the thought gone
    await page.goto(`${system.appUrl}/thoughts`);
    await page.getByLabel(/Capture a thought/).fill('Harbour at dawn #sea\nThe gulls were loud and the tide was out.');
    await page.getByRole('button', { name: 'Capture' }).click();
    await list.getByText(/Harbour at dawn/).waitFor();
    await list.getByRole('button', { name: 'Make it an entry' }).click();
    const none = page.getByRole('status').filter({ hasText: 'You have no journal yet.' });
    await none.waitFor();
    expect(await list.getByRole('button', { name: 'Create the entry' }).isDisabled()).toBe(true);
    await expectNoSeriousViolations(page, 'thoughts: made an entry with no journal yet');
    await none.getByRole('link', { name: 'Create a journal' }).click();
    await page.waitForURL(/\/journals$/);
    await page.getByLabel('Name').fill('Sea log');
    await page.getByRole('button', { name: 'Create journal' }).click();
    await page.getByRole('region', { name: 'Your journals' }).getByText('Sea log').waitFor();
    await page.goto(`${system.appUrl}/thoughts`);
    await list.getByRole('button', { name: 'Make it an entry' }).focus();
    await page.keyboard.press('Enter');
    const journalPick = list.getByLabel('Journal');
    await journalPick.waitFor();
    await expect.poll(() => journalPick.locator('option:checked').textContent()).toBe('Sea log');
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await expectNoSeriousViolations(page, `thoughts: picking the journal of an entry (${scheme})`);
    }
    await page.emulateMedia({ colorScheme: 'light' });
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
    await list.getByRole('button', { name: 'Create the entry' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/entries\/(?!new)[^/]+$/);
    await expect.poll(() => page.locator('#entry-title').inputValue(), { timeout: 30_000 }).toBe('Harbour at dawn #sea');
    await page.getByText('The gulls were loud and the tide was out.').first().waitFor();
    await expectNoSeriousViolations(page, 'the entry made from a thought');
    await page.goto(`${system.appUrl}/thoughts`);
    await page.getByRole('heading', { name: 'Thoughts', level: 1 }).waitFor();
    await expect.poll(() => list.getByText(/Harbour at dawn/).count(), { timeout: 30_000 }).toBe(0);
    expect(await page.getByRole('alert').count()).toBe(0);
    await context.close();
  }, 240_000);
});
