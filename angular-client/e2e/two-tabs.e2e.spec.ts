// Two tabs of one signed-in user editing one entry at the same time, in Debian's Chromium against the whole system
// in embedded mode (issue 17, "Live collaboration between tabs"): an entry started from a template; one tab changes
// the title while the other writes the text — both changes are saved, each tab shows both, nobody is asked; then
// both change the text — only then does a tab ask, and "Keep mine" ends with that text in both tabs.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createTestDatabase, type TestDatabase } from '@mindflow/testing';
import { repoRoot, startSystem, type RunningSystem } from '@mindflow/tools';
import { expectNoSeriousViolations } from './a11y.js';
import { launchChromium } from './browser.js';

const logs = process.env['E2E_LOGS'] ? process.stderr : null;
const screenshots = join(repoRoot, 'artifacts', 'screenshots');

describe('two tabs editing one entry (embedded mode)', () => {
  let system: RunningSystem;
  let writeDb: TestDatabase;
  let readDb: TestDatabase;
  let browser: Browser;
  let context: BrowserContext;
  let appUrl: string;

  beforeAll(async () => {
    [writeDb, readDb] = await Promise.all([createTestDatabase('e2e-tabs-write'), createTestDatabase('e2e-tabs-read')]);
    system = await startSystem({ mode: 'embedded', writeDatabaseUrl: writeDb.url, readDatabaseUrl: readDb.url, output: logs });
    if (!system.appUrl) throw new Error('the SPA is not built (angular-client/dist is missing): run npx nx run @mindflow/angular-client:build');
    appUrl = system.appUrl;
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1200, height: 860 } });
  });

  // each tab as it was when the test ended (to see a failure)
  afterEach(async () => {
    await mkdir(screenshots, { recursive: true });
    for (const [i, page] of (context?.pages() ?? []).entries()) {
      await page.screenshot({ path: join(screenshots, `two-tabs-${i + 1}.png`), fullPage: true }).catch(() => undefined);
    }
  });

  afterAll(async () => {
    await browser?.close();
    await system?.stop();
    await Promise.all([writeDb?.drop(), readDb?.drop()]);
  });

  const title = (page: Page) => page.getByLabel('Title').inputValue();
  const text = (page: Page) => page.getByLabel('Entry', { exact: true }).innerText();
  /**
   * Replaces the whole text as a writer would (Ctrl+A in the editor, then typing): Playwright's fill on the editor's
   * contenteditable can leave a template's trailing empty lines behind. (It needs the keyboard focus: the edits made
   * in both tabs at once use fill, which does not.)
   */
  const write = async (page: Page, words: string) => {
    await page.getByLabel('Entry', { exact: true }).click();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.insertText(words);
  };
  const saved = (page: Page) => page.getByRole('status').filter({ hasText: 'All changes saved' }).waitFor();
  /** Nothing on screen the server does not have: saved here, or (with nothing of its own) up to date with the other's. */
  const settled = (page: Page) => page.getByRole('status').filter({ hasText: /^(All changes saved|Up to date)$/ }).waitFor();
  const conflict = (page: Page) => page.getByRole('alertdialog', { name: 'This entry was changed somewhere else' });

  it('merges changes to different fields without asking, and asks only when both changed the same field', async () => {
    const first = await context.newPage();
    first.setDefaultTimeout(30_000);
    await first.goto(appUrl);
    await first.waitForURL(/\/login/);
    await first.getByRole('link', { name: 'Create an account' }).click();
    await first.getByLabel('Name').fill('Two Tabs');
    await first.getByLabel('Email').fill(`tabs-${Date.now()}@example.com`);
    await first.getByLabel('Password').fill('correct horse battery staple');
    await first.getByRole('button', { name: 'Create account' }).click();
    await expect.poll(() => first.getByRole('heading', { level: 1 }).textContent(), { timeout: 30_000 }).toContain('Hello, Two Tabs');
    await first.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Journals' }).click();
    await first.getByLabel('Name').fill('Evenings');
    await first.getByRole('button', { name: 'Create journal' }).click();
    await first.getByRole('link', { name: /Evenings/ }).click();
    await first.getByRole('heading', { name: /Evenings/ }).waitFor();
    const journalUrl = first.url();

    // a new entry from the "Daily review" template: its prompts, then words of one's own under them
    await first.getByRole('link', { name: 'New entry' }).first().click();
    await first.getByRole('group', { name: 'Start from a template' }).getByRole('button', { name: 'Daily review' }).click();
    await expect.poll(() => title(first)).toBe('Daily review');
    await expect.poll(() => text(first)).toContain('What went well');
    await expectNoSeriousViolations(first, 'entry editor: a template, the date to backdate it');
    // written a day late: dated yesterday (CreateEntryInput.createdAt)
    const yesterday = new Date(Date.now() - 24 * 3600 * 1000).toISOString().slice(0, 10);
    await first.getByLabel(/^Date/).fill(yesterday);
    await write(first, 'The day went well.');
    await saved(first);
    await first.waitForURL(/\/entries\/[0-9a-f-]{36}$/);

    const second = await context.newPage();
    second.setDefaultTimeout(30_000);
    await second.goto(first.url());
    await expect.poll(() => text(second), { timeout: 30_000 }).toBe('The day went well.');

    // different fields at the same time: the title in one tab, the text in the other
    await Promise.all([
      first.getByLabel('Title').fill('Tuesday'),
      second.getByLabel('Entry', { exact: true }).fill('The day went well. The sea was calm.'),
    ]);
    for (const page of [first, second]) {
      await expect.poll(() => title(page), { timeout: 30_000 }).toBe('Tuesday');
      await expect.poll(() => text(page), { timeout: 30_000 }).toBe('The day went well. The sea was calm.');
      await settled(page);
      expect(await conflict(page).count()).toBe(0);
    }
    // the server has both: a fresh tab reads them
    const third = await context.newPage();
    await third.goto(first.url());
    await expect.poll(() => text(third), { timeout: 30_000 }).toBe('The day went well. The sea was calm.');
    expect(await title(third)).toBe('Tuesday');
    // the journal lists it on the day it was dated, as text (its Markdown read, not shown)
    await third.goto(journalUrl);
    const listed = third.getByRole('link', { name: /Tuesday/ });
    await expect.poll(() => listed.textContent(), { timeout: 30_000 }).toContain(yesterday);
    expect(await listed.locator('.excerpt').textContent()).toBe('The day went well. The sea was calm.');
    await third.close();

    // the same field in both: only then a tab asks (the one whose change came second)
    await Promise.all([
      first.getByLabel('Entry', { exact: true }).fill('Written in the first tab.'),
      second.getByLabel('Entry', { exact: true }).fill('Written in the second tab.'),
    ]);
    await expect.poll(async () => (await conflict(first).count()) + (await conflict(second).count()), { timeout: 30_000 }).toBe(1);
    const asked = (await conflict(first).count()) > 0 ? first : second;
    const other = asked === first ? second : first;
    const mine = asked === first ? 'Written in the first tab.' : 'Written in the second tab.';
    const dialog = conflict(asked);
    await expectNoSeriousViolations(asked, 'entry editor: both tabs changed the text');
    expect(await dialog.getByRole('heading', { level: 3 }).allTextContents()).toEqual(['Entry']);
    await dialog.getByRole('button', { name: 'Keep mine' }).click();
    await saved(asked);
    await expect.poll(() => text(other), { timeout: 30_000 }).toBe(mine);
    expect(await title(other)).toBe('Tuesday');
    await settled(other);
    expect(await conflict(other).count()).toBe(0);
  });
});
