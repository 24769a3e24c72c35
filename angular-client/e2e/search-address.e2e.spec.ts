// Search kept in the address, with the API's filters (issue 17), in Debian's Chromium against the whole system in
// embedded mode, at phone size: /search?q=…&tag=… runs that search (a link, a reload), a search made on the page
// goes into the address, the tag filter narrows the results; axe light and dark.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { createTestDatabase, type TestDatabase } from '@mindflow/testing';
import { startSystem, type RunningSystem } from '@mindflow/tools';
import { expectNoSeriousViolations } from './a11y.js';
import { launchChromium } from './browser.js';

const logs = process.env['E2E_LOGS'] ? process.stderr : null;

describe('search in the address, with filters (embedded mode)', () => {
  let system: RunningSystem;
  let databases: TestDatabase[] = [];
  let browser: Browser;

  beforeAll(async () => {
    databases = await Promise.all([createTestDatabase('e2e-search-write'), createTestDatabase('e2e-search-read')]);
    system = await startSystem({ mode: 'embedded', writeDatabaseUrl: databases[0]!.url, readDatabaseUrl: databases[1]!.url, output: logs });
    if (!system.appUrl) throw new Error('the SPA is not built (angular-client/dist is missing): run npx nx run @mindflow/angular-client:build');
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await system?.stop();
    await Promise.all(databases.map((db) => db.drop()));
  });

  it('a search link runs its search; a new search and filter go into the address', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    await page.goto(system.appUrl!);
    await page.waitForURL(/\/login/);
    await page.getByRole('link', { name: 'Create an account' }).click();
    await page.getByLabel('Name').fill('Seeker');
    await page.getByLabel('Email').fill(`seeker-${Date.now()}@example.com`);
    await page.getByLabel('Password', { exact: true }).fill('correct horse battery staple');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('heading', { name: /Hello, Seeker/, level: 1 }).waitFor();
    await page.goto(`${system.appUrl}/thoughts`);
    for (const text of ['Harbour lights at dusk #boat', 'Harbour fees are due #money']) {
      await page.getByLabel(/Capture a thought/).fill(text);
      await page.getByRole('button', { name: 'Capture' }).click();
      await page.getByRole('region', { name: 'Your thoughts' }).getByText(text).waitFor();
    }

    // a link with the query and a tag: that search, the field and the filter filled in (the index may lag a moment)
    const results = page.getByRole('region', { name: 'Thoughts' });
    await expect.poll(async () => {
      await page.goto(`${system.appUrl}/search?q=harbour&tag=boat`);
      await page.getByRole('status').filter({ hasText: /results?$/ }).waitFor();
      return results.locator('li').count();
    }, { timeout: 60_000, interval: 1000 }).toBe(1);
    expect(await results.textContent()).toContain('Harbour lights at dusk');
    expect(await page.getByLabel('Search entries, thoughts and tasks').inputValue()).toBe('harbour');
    expect(await page.getByLabel('Tag').inputValue()).toBe('boat');
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await expectNoSeriousViolations(page, `search with filters (${scheme})`);
    }
    await page.emulateMedia({ colorScheme: 'light' });
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);

    // another tag, searched on the page: into the address, and a reload runs it again
    await page.getByLabel('Tag').fill('money');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.waitForURL(/\/search\?q=harbour&tag=money/);
    await expect.poll(() => results.textContent()).toContain('Harbour fees are due');
    await page.reload();
    await expect.poll(() => results.textContent(), { timeout: 30_000 }).toContain('Harbour fees are due');
    expect(await results.textContent()).not.toContain('Harbour lights');
    await context.close();
  }, 240_000);
});
