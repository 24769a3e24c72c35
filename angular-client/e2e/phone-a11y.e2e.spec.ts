// Every screen of the app, at desktop size and on a phone (360×740, touch, mobile viewport), in light and in dark
// (issue 17): axe-core finds no serious or critical violation on any of them (e2e/a11y.ts), nothing is wider than
// the screen, and on the phone the main controls fit and are reachable: the navigation behind "Menu", the month
// grid inside the screen, the new-task form folded behind a button so the calendar starts on the first screen.
// Screens: sign-in, register, dashboard (empty and with an entry), journals (+ a confirm dialog), a journal, the
// entry editor and its preview, the notifications list, the planner (week, month, the task editor, the new-event
// form), thoughts, quick capture, search, settings and the 404 page. Screenshots in artifacts/screenshots/screens-*.png.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { createTestDatabase, type TestDatabase } from '@mindflow/testing';
import { repoRoot, startSystem, type RunningSystem } from '@mindflow/tools';
import { launchChromium } from './browser.js';
import { axeTally, seriousViolations } from './a11y.js';

const screenshots = join(repoRoot, 'artifacts', 'screenshots');
const logs = process.env['E2E_LOGS'] ? process.stderr : null;

const desktop: BrowserContextOptions = { viewport: { width: 1200, height: 860 } };
const phone: BrowserContextOptions = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

describe('every screen, accessible and phone-sized (embedded mode)', () => {
  let system: RunningSystem;
  let databases: TestDatabase[] = [];
  let browser: Browser;

  beforeAll(async () => {
    databases = await Promise.all([createTestDatabase('e2e-screens-write'), createTestDatabase('e2e-screens-read')]);
    system = await startSystem({ mode: 'embedded', writeDatabaseUrl: databases[0]!.url, readDatabaseUrl: databases[1]!.url, output: logs });
    if (!system.appUrl) throw new Error('the SPA is not built (angular-client/dist is missing): run npx nx run @mindflow/angular-client:build');
    await mkdir(screenshots, { recursive: true });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await system?.stop();
    await Promise.all(databases.map((db) => db.drop()));
    if (axeTally.size > 0) {
      const lines = [...axeTally].map(([screen, tally]) => `  ${screen}: ${JSON.stringify(tally)}`);
      process.stdout.write(`axe, violations per screen ({ '<impact> <rule>': elements }):\n${lines.join('\n')}\n`);
    }
  });

  it('at desktop size (1200×860)', () => walk('desktop', desktop), 480_000);
  it('on a phone (360×740, touch)', () => walk('phone', phone), 480_000);

  async function walk(size: 'desktop' | 'phone', options: BrowserContextOptions): Promise<void> {
    const context = await browser.newContext(options);
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    try {
      await screens(page, size, problems);
    } catch (error) {
      await page.screenshot({ path: join(screenshots, `screens-${size}-failed.png`), fullPage: true }).catch(() => undefined);
      throw new Error(`${(error as Error).message}\nfound so far:\n${problems.join('\n')}`, { cause: error });
    } finally {
      await context.close();
    }
    expect(problems).toEqual([]);
  }

  async function screens(page: Page, size: 'desktop' | 'phone', problems: string[]): Promise<void> {
    const onPhone = size === 'phone';
    const appUrl = system.appUrl!;
    let theme = 'light';
    /** axe and the width of the screen as it is now; what is wrong is collected, so one run lists all of it. */
    const check = async (screen: string) => {
      const name = `${size} ${theme}: ${screen}`;
      problems.push(...(await seriousViolations(page, name)));
      const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
      if (overflow > 0) problems.push(`${name}: ${overflow}px wider than the screen`);
      // what is fixed on the screen (dialogs, the toast, the notifications list) scrolls nowhere: it must fit as it is
      const sticking = await page.evaluate<string[]>(`[...document.querySelectorAll('body *')].filter((e) => {
        if (getComputedStyle(e).position !== 'fixed') return false;
        const r = e.getBoundingClientRect();
        return r.width > 0 && r.height > 0 && (r.left < -0.5 || r.right > innerWidth + 0.5);
      }).map((e) => e.className || e.tagName)`);
      for (const what of sticking) problems.push(`${name}: the fixed "${what}" sticks out of the screen`);
      await page.screenshot({ path: join(screenshots, `screens-${size}-${theme}-${screen.replace(/\W+/g, '-')}.png`), fullPage: true });
    };
    const inside = async (what: string, locator: ReturnType<Page['locator']>) => {
      const box = await locator.boundingBox();
      const width = page.viewportSize()!.width;
      if (!box) problems.push(`${size}: ${what} is not shown`);
      else if (box.x < 0 || box.x + box.width > width + 0.5) problems.push(`${size}: ${what} is outside the screen (${box.x}..${box.x + box.width} of ${width})`);
    };
    const nav = page.getByRole('navigation', { name: 'Main' });
    const go = async (link: string) => {
      const menu = page.getByRole('button', { name: 'Menu' });
      if (onPhone) {
        // the navigation is folded behind "Menu" on a phone, and every link of it is on the screen once opened
        expect(await nav.isVisible()).toBe(false);
        await menu.click();
        for (const a of await nav.getByRole('link').all()) await inside(`the menu's link ${await a.textContent()}`, a);
      } else {
        expect(await menu.isVisible()).toBe(false);
      }
      await nav.getByRole('link', { name: link }).click();
    };
    const heading = (name: string | RegExp) => page.getByRole('heading', { name, level: 1 }).waitFor();
    /** What a write just made, once the read side shows it: on a loaded machine the read-your-writes wait (5 s) can
     *  run out, and the page then says so ("did not catch up") — reloaded, it reads what the projection has now. */
    const written = async (locator: ReturnType<Page['locator']>) => {
      for (let attempt = 1; ; attempt++) {
        try {
          return await locator.first().waitFor({ timeout: 10_000 });
        } catch (error) {
          if (attempt === 6 || !(await page.getByText('did not catch up').isVisible())) throw error;
          await page.reload();
        }
      }
    };

    // signed out: sign in, register
    await page.goto(appUrl);
    await page.waitForURL(/\/login/);
    await heading('Sign in');
    await check('sign-in');
    await page.getByRole('link', { name: 'Create an account' }).click();
    await heading('Create your account');
    await check('register');
    await page.getByLabel('Name').fill('Screens');
    await page.getByLabel('Email').fill(`screens-${size}-${Date.now()}@example.com`);
    await page.getByLabel('Password').fill('correct horse battery staple');
    await page.getByRole('button', { name: 'Create account' }).click();
    await heading('Hello, Screens');
    await check('dashboard, empty');

    // journals: the list, a confirm dialog, a journal
    await go('Journals');
    await heading('Journals');
    await check('journals, none');
    await page.getByLabel('Name').fill('Harbour notes');
    await page.getByRole('button', { name: 'Icon 🌱' }).first().click();
    await page.getByRole('button', { name: 'Create journal' }).click();
    await written(page.getByRole('link', { name: /Harbour notes/ }));
    await check('journals');
    await page.getByRole('button', { name: 'Delete Harbour notes' }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Delete journal?' });
    await confirm.waitFor();
    await check('confirm dialog');
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await confirm.waitFor({ state: 'detached' });
    await page.getByRole('link', { name: /Harbour notes/ }).click();
    await heading(/Harbour notes/);
    await check('journal, empty');
    const journalUrl = page.url();

    // the entry editor, written in, and its preview
    await page.getByRole('link', { name: 'New entry' }).first().click();
    await heading(/^(New|Edit) entry$/);
    await check('entry editor, new');
    await page.getByLabel('Title').fill('Low tide');
    await page.getByRole('button', { name: 'Calm', exact: true }).click();
    const content = page.getByLabel('Entry', { exact: true });
    await content.click();
    await page.keyboard.type('# Low tide\n\n**Gulls** over the harbour, a *slow* morning. [A link](https://example.com)\n\n- coffee\n- the pier');
    await page.getByLabel(/^Tags/).fill('harbour, morning');
    await page.getByRole('status').filter({ hasText: 'All changes saved' }).waitFor();
    await page.waitForURL(/\/entries\/[0-9a-f-]{36}$/);
    const entryUrl = page.url();
    await check('entry editor');
    if (onPhone) await inside('the Save now button', page.getByRole('button', { name: 'Save now' }));
    await page.getByRole('button', { name: 'Preview' }).click();
    await page.getByRole('region', { name: 'Entry preview' }).getByRole('heading', { name: 'Low tide' }).waitFor();
    await check('entry preview');
    await page.getByRole('button', { name: 'Write' }).click();
    await page.goto(journalUrl);
    await written(page.getByRole('link', { name: /Low tide/ }));
    await check('journal');

    // the dashboard with an entry
    await page.getByRole('link', { name: 'MindFlow home' }).click();
    await heading('Hello, Screens');
    await page.getByRole('link', { name: 'Low tide' }).or(page.getByRole('link', { name: /Harbour notes/ })).first().waitFor();
    await check('dashboard');
    // the notification bell's list, over the page
    await page.getByRole('button', { name: /^Notifications/ }).click();
    const notifications = page.getByRole('region', { name: 'Notifications' });
    await notifications.getByRole('heading', { name: 'Notifications' }).waitFor();
    await check('notifications');
    await inside('the notifications list', notifications);
    await page.keyboard.press('Escape');
    await notifications.waitFor({ state: 'detached' });

    // the planner: on a phone the new-task form is folded behind a button and the calendar starts on the first screen
    await go('Planner');
    await heading('Planner');
    const taskTitle = page.getByLabel('Task', { exact: true });
    if (onPhone) {
      expect(await taskTitle.isVisible()).toBe(false);
      const calendarTop = (await page.locator('.calendar').boundingBox())?.y ?? Infinity;
      if (calendarTop >= 740) problems.push(`phone: the calendar starts at ${calendarTop}px, below the first screen`);
      await check('planner, week');
      const open = page.getByRole('button', { name: 'New task' });
      expect(await open.getAttribute('aria-expanded')).toBe('false');
      await open.click();
      await expect.poll(() => open.getAttribute('aria-expanded')).toBe('true');
    }
    await taskTitle.fill('Buy bread for the gulls');
    await page.getByLabel('Repeats').selectOption({ label: 'Every day' });
    await page.getByRole('button', { name: 'Add task' }).click();
    await written(page.getByRole('checkbox', { name: /^Complete Buy bread for the gulls on / }));
    await check('planner, week with tasks');
    await page.getByRole('button', { name: 'Edit Buy bread for the gulls' }).first().click();
    const editor = page.getByRole('dialog', { name: 'Edit task' });
    await expect.poll(() => editor.getByLabel('Title').inputValue(), { timeout: 10_000 }).toBe('Buy bread for the gulls');
    await check('task editor');
    if (onPhone) await inside('the Save task button', editor.getByRole('button', { name: 'Save task' }));
    await editor.getByRole('button', { name: 'Cancel' }).click();
    await editor.waitFor({ state: 'detached' });
    await page.getByText('New event').click();
    await page.getByLabel('Event', { exact: true }).waitFor();
    await check('planner, new event');
    await page.getByRole('button', { name: 'Month' }).click();
    await page.locator('.calendar[data-view=month]').waitFor();
    await check('planner, month');
    await inside('the month grid', page.locator('.calendar'));
    for (const day of (await page.locator('.calendar .day').all()).slice(0, 7)) await inside('a day of the month grid', day);

    // thoughts, and quick capture from the header
    await go('Thoughts');
    await heading('Thoughts');
    await page.getByLabel(/^Capture a thought/).fill('Ask about the tide tables #harbour');
    await page.getByRole('button', { name: 'Capture', exact: true }).click();
    await written(page.getByText('Ask about the tide tables #harbour'));
    await check('thoughts');
    await page.getByRole('button', { name: '+ Thought' }).click();
    const capture = page.getByRole('dialog', { name: 'Capture a thought' });
    await capture.waitFor();
    await check('quick capture');
    await capture.getByRole('button', { name: 'Cancel' }).click();
    await capture.waitFor({ state: 'detached' });

    // search (found, or the notice that this server has no search)
    await go('Search');
    await heading('Search');
    await check('search, empty');
    await page.getByLabel('Search entries, thoughts and tasks').fill('harbour');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.getByRole('status').filter({ hasText: /result/ }).or(page.getByText('not available on this server yet')).first().waitFor();
    await check('search');

    // settings, then every screen again in dark
    await go('Settings');
    await heading('Settings');
    await check('settings');
    await page.getByRole('radio', { name: /^Dark/ }).check();
    await expect.poll(() => page.evaluate<string>('getComputedStyle(document.documentElement).backgroundColor')).toBe('rgb(20, 21, 31)');
    theme = 'dark';
    await check('settings');
    const again: [string, string | RegExp, string][] = [
      ['/', 'Hello, Screens', 'dashboard'], ['/journals', 'Journals', 'journals'], [journalUrl, /Harbour notes/, 'journal'],
      [entryUrl, 'Edit entry', 'entry editor'], ['/thoughts', 'Thoughts', 'thoughts'], ['/search', 'Search', 'search, empty'],
      ['/planner', 'Planner', 'planner, week'], ['/no/such/page', 'Page not found', '404'],
    ];
    for (const [url, title, screen] of again) {
      await page.goto(url.startsWith('/') ? `${appUrl}${url}` : url);
      await heading(title);
      if (screen === 'entry editor') {
        await expect.poll(() => page.getByLabel('Title').inputValue(), { timeout: 30_000 }).toBe('Low tide');
        await check(screen);
        await page.getByRole('button', { name: 'Preview' }).click();
        await page.getByRole('region', { name: 'Entry preview' }).getByRole('heading', { name: 'Low tide' }).waitFor();
        await check('entry preview');
        continue;
      }
      if (screen === 'planner, week') {
        await page.getByRole('checkbox', { name: /^Complete Buy bread for the gulls on / }).first().waitFor();
        await check(screen);
        await page.getByRole('button', { name: 'Month' }).click();
        await page.locator('.calendar[data-view=month]').waitFor();
        await check('planner, month');
        continue;
      }
      await check(screen);
    }
    await page.getByRole('link', { name: 'Go to your dashboard' }).waitFor();
    theme = 'light';
    await page.goto(`${appUrl}/settings`);
    await page.getByRole('radio', { name: /^Light/ }).check();
    await page.goto(`${appUrl}/no/such/page`);
    await heading('Page not found');
    await check('404');
  }
});
