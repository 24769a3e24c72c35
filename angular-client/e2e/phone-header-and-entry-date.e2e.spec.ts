// Two things left of issue 17, in Debian's Chromium against the whole system in embedded mode:
// - the header on a phone (360 px) is one row: MindFlow, Menu, the bell and "+ Thought"; Log out is the menu's last
//   item; the menu and the bell's list open under the header, inside the screen; axe finds nothing serious, light
//   and dark;
// - an entry's date can be changed after it was created (UpdateEntryInput.createdAt): the entry moves to that day
//   in its journal, keeps its text, and is read back with that date after a reload.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { createTestDatabase, type TestDatabase } from '@mindflow/testing';
import { repoRoot, startSystem, type RunningSystem } from '@mindflow/tools';
import { expectNoSeriousViolations } from './a11y.js';
import { launchChromium } from './browser.js';

const logs = process.env['E2E_LOGS'] ? process.stderr : null;
const screenshots = join(repoRoot, 'artifacts', 'screenshots');

describe('the phone header, and an entry redated (embedded mode)', () => {
  let system: RunningSystem;
  let databases: TestDatabase[] = [];
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    databases = await Promise.all([createTestDatabase('e2e-redate-write'), createTestDatabase('e2e-redate-read')]);
    system = await startSystem({ mode: 'embedded', writeDatabaseUrl: databases[0]!.url, readDatabaseUrl: databases[1]!.url, output: logs });
    if (!system.appUrl) throw new Error('the SPA is not built (angular-client/dist is missing): run npx nx run @mindflow/angular-client:build');
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
    page = await context.newPage();
    page.setDefaultTimeout(30_000);
    await mkdir(screenshots, { recursive: true });
  });

  afterAll(async () => {
    await page?.screenshot({ path: join(screenshots, 'phone-header-and-entry-date.png'), fullPage: true }).catch(() => undefined);
    await browser?.close();
    await system?.stop();
    await Promise.all(databases.map((db) => db.drop()));
  });

  const box = async (locator: Locator) => (await locator.boundingBox())!;

  it('on a phone the header is one row, and Log out is in the menu', async () => {
    await page.goto(system.appUrl!);
    await page.waitForURL(/\/login/);
    await page.getByRole('link', { name: 'Create an account' }).click();
    await page.getByLabel('Name').fill('Redater');
    await page.getByLabel('Email').fill(`redate-${Date.now()}@example.com`);
    await page.getByLabel('Password', { exact: true }).fill('correct horse battery staple');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('heading', { name: /Hello, Redater/, level: 1 }).waitFor();

    const header = page.getByRole('banner');
    const brand = page.getByRole('link', { name: 'MindFlow home' });
    const menu = page.getByRole('button', { name: 'Menu' });
    const bell = header.getByRole('button', { name: /Notifications/ });
    const capture = page.getByRole('button', { name: '+ Thought' });
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      // one row: every control's middle on the brand's line, each inside the screen, the header no taller than a row
      const row = await box(brand);
      for (const control of [menu, bell, capture]) {
        const b = await box(control);
        expect(Math.abs(b.y + b.height / 2 - (row.y + row.height / 2))).toBeLessThan(4);
        expect(b.x).toBeGreaterThanOrEqual(0);
        expect(b.x + b.width).toBeLessThanOrEqual(360);
      }
      expect((await box(header)).height).toBeLessThan(64);
      expect(await page.getByRole('button', { name: 'Log out' }).isVisible()).toBe(false);
      expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
      await expectNoSeriousViolations(page, `phone header (${scheme})`);

      // the menu opens under the header, inside the screen: the links, then Log out
      await menu.click();
      await expect.poll(() => menu.getAttribute('aria-expanded')).toBe('true');
      const nav = page.getByRole('navigation', { name: 'Main' });
      const panel = await box(nav);
      expect(panel.y).toBeGreaterThanOrEqual((await box(header)).y + row.height);
      expect(panel.x + panel.width).toBeLessThanOrEqual(360);
      expect(await nav.getByRole('link').allTextContents()).toEqual(['Dashboard', 'Journals', 'Thoughts', 'Planner', 'Search', 'Settings']);
      await nav.getByRole('button', { name: 'Log out' }).waitFor();
      await expectNoSeriousViolations(page, `phone menu open (${scheme})`);
      await menu.click();
      await expect.poll(() => nav.isVisible()).toBe(false);

      // the bell's list opens under the header too, inside the screen, the bell still in sight
      await bell.click();
      const list = page.getByRole('region', { name: /Notifications/ });
      await list.waitFor();
      const shown = await box(list);
      expect(shown.x).toBeGreaterThanOrEqual(0);
      expect(shown.x + shown.width).toBeLessThanOrEqual(360);
      expect(await bell.isVisible()).toBe(true);
      await expectNoSeriousViolations(page, `phone notifications list (${scheme})`);
      await page.keyboard.press('Escape');
      await list.waitFor({ state: 'hidden' });
    }
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it('an entry\'s date is changed after it was created: it moves to that day, its text kept', async () => {
    await page.goto(`${system.appUrl}/journals`);
    await page.getByLabel('Name').fill('Harbour days');
    await page.getByRole('button', { name: 'Create journal' }).click();
    await page.getByRole('link', { name: /Harbour days/ }).click();
    await page.getByRole('heading', { name: /Harbour days/ }).waitFor();
    const journalUrl = page.url();
    await page.getByRole('link', { name: 'New entry' }).first().click();
    await page.getByLabel('Title').fill('The storm');
    await page.getByLabel('Entry', { exact: true }).click();
    await page.keyboard.insertText('Wind all night; the boats held.');
    await page.getByRole('status').filter({ hasText: 'All changes saved' }).waitFor();
    await page.waitForURL(/\/entries\/[0-9a-f-]{36}$/);
    const entryUrl = page.url();

    // written today about three days ago: the Date field of the entry moves it
    const day = new Date(Date.now() - 3 * 24 * 3600 * 1000);
    const earlier = `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;
    const date = page.getByLabel(/^Date/);
    expect(await date.inputValue()).not.toBe(earlier);
    await date.fill(earlier); // (input and change, as a person picking the day)
    await expectNoSeriousViolations(page, 'entry editor: the date of an entry that exists');
    // read back from the server after a reload: the new day, the same text
    await expect.poll(async () => {
      await page.goto(entryUrl);
      await page.getByLabel('Title').waitFor();
      return page.getByLabel(/^Date/).inputValue();
    }, { timeout: 60_000, interval: 1000 }).toBe(earlier);
    expect(await page.getByLabel('Entry', { exact: true }).innerText()).toBe('Wind all night; the boats held.');
    expect(await page.getByRole('alert').count()).toBe(0);
    // the journal lists it on that day
    await page.goto(journalUrl);
    const listed = page.getByRole('link', { name: /The storm/ });
    await expect.poll(() => listed.textContent(), { timeout: 30_000 }).toContain(earlier);
  });
});
