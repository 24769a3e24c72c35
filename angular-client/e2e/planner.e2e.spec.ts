// The planner of issue 17 in Debian's Chromium against the whole system in embedded mode, at desktop size (in
// Berlin) and at phone size (360 px, in New York): a task created in the past is marked overdue; its title
// opens it to edit (the limits checked as one types, the edit saved) and only its checkbox completes it; the
// new-task form is blank again after a create; one occurrence of a daily task is completed and the next stays
// open and overdue; a calendar event is scheduled, shown in its day at its local time, and deleted; long titles
// stay inside their day in the week and the month; axe finds nothing serious (the editor, the week, the month); and the
// console stays free of errors throughout.
// Screenshots in artifacts/screenshots/planner-*.png.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createTestDatabase, type TestDatabase } from '@mindflow/testing';
import { repoRoot, startSystem, type RunningSystem } from '@mindflow/tools';
import { expectNoSeriousViolations } from './a11y.js';
import { launchChromium } from './browser.js';

const screenshots = join(repoRoot, 'artifacts', 'screenshots');
const logs = process.env['E2E_LOGS'] ? process.stderr : null;
const utcDay = (daysFromToday: number) => new Date(Date.now() + daysFromToday * 86_400_000).toISOString().slice(0, 10);

describe('the planner in a browser (embedded mode)', () => {
  let system: RunningSystem;
  let databases: TestDatabase[] = [];
  let browser: Browser;

  beforeAll(async () => {
    databases = await Promise.all([createTestDatabase('e2e-planner-write'), createTestDatabase('e2e-planner-read')]);
    system = await startSystem({ mode: 'embedded', writeDatabaseUrl: databases[0]!.url, readDatabaseUrl: databases[1]!.url, output: logs });
    if (!system.appUrl) throw new Error('the SPA is not built (angular-client/dist is missing): run npx nx run @mindflow/angular-client:build');
    await mkdir(screenshots, { recursive: true });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await system?.stop();
    await Promise.all(databases.map((db) => db.drop()));
  });

  /** A new user, signed up in a fresh browser context, on the planner; console errors from then on are collected. */
  async function plannerOf(name: string, viewport: { width: number; height: number }, timezoneId: string) {
    const context = await browser.newContext({ viewport, timezoneId });
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    await page.goto(system.appUrl!);
    await page.waitForURL(/\/login/);
    await page.getByRole('link', { name: 'Create an account' }).click();
    await page.getByLabel('Name').fill(name);
    await page.getByLabel('Email').fill(`planner-${name.toLowerCase()}-${Date.now()}@example.com`);
    await page.getByLabel('Password').fill('correct horse battery staple');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('heading', { name: `Hello, ${name}` }).waitFor();
    const problems: string[] = [];
    page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    const menu = page.getByRole('button', { name: 'Menu' });
    if (await menu.isVisible()) await menu.click();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Planner' }).click();
    await page.getByRole('heading', { name: 'Planner', level: 1 }).waitFor();
    // on a phone the new-task form is folded behind its button
    const newTask = page.getByRole('button', { name: 'New task' });
    if (await newTask.isVisible()) await newTask.click();
    return { context, page, problems };
  }

  /** Nothing wider than the screen, and every title inside its day. */
  async function staysInside(page: Page): Promise<void> {
    expect(await page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth')).toBeLessThanOrEqual(0);
    const outside = await page.evaluate<string[]>(`[...document.querySelectorAll('.day .item-title')].filter((title) => {
      const own = title.getBoundingClientRect(), day = title.closest('.day').getBoundingClientRect();
      return own.right > day.right + 1 || own.left < day.left - 1;
    }).map((title) => title.textContent.slice(0, 40))`);
    expect(outside).toEqual([]);
  }

  /** The walk, with a screenshot and what the page said when a step fails. */
  async function walk(page: Page, who: string): Promise<void> {
    try {
      await steps(page, who);
    } catch (error) {
      await page.screenshot({ path: join(screenshots, `planner-${who}-failed.png`), fullPage: true }).catch(() => undefined);
      const alerts = await page.getByRole('alert').allTextContents().catch(() => []);
      throw new Error(`${(error as Error).message}\nalerts on the page: ${JSON.stringify(alerts)}`, { cause: error });
    }
  }

  async function steps(page: Page, who: string): Promise<void> {
    const shot = (name: string) => page.screenshot({ path: join(screenshots, `planner-${who}-${name}.png`), fullPage: true });
    const twoDaysAgo = utcDay(-2), yesterday = utcDay(-1), today = utcDay(0);
    const add = page.getByRole('button', { name: 'Add task' });

    // a task due two days ago: marked overdue, visibly and as the checkbox's description
    const title = `Renew the passport ${who}`;
    await page.getByLabel('Task', { exact: true }).fill(title);
    await page.getByLabel('Date', { exact: true }).fill(twoDaysAgo);
    await add.click();
    const box = page.getByRole('checkbox', { name: `Complete ${title}` });
    await box.waitFor();
    const item = page.locator('li.task', { has: box });
    await item.getByText('Overdue').waitFor();
    const describedBy = await box.getAttribute('aria-describedby');
    expect(await page.locator(`[id="${describedBy}"]`).textContent()).toContain('Overdue');

    // its title opens it to edit (nothing is completed); the limit is checked as one types; the edit is saved
    await page.getByRole('button', { name: `Edit ${title}` }).click();
    const editor = page.getByRole('dialog', { name: 'Edit task' });
    const editTitle = editor.getByLabel('Title');
    await expect.poll(() => editTitle.inputValue(), { timeout: 10_000 }).toBe(title);
    expect(await box.isChecked()).toBe(false);
    await editTitle.fill('x'.repeat(201));
    await editor.getByText('A title can have at most 200 characters: this one has 201').waitFor();
    await expectNoSeriousViolations(page, `planner ${who}: the task editor, a title refused`);
    expect(await editor.getByRole('button', { name: 'Save task' }).isDisabled()).toBe(true);
    const renamed = `Renew the passport and the ID card ${who}`;
    await editTitle.fill(renamed);
    await editor.getByLabel('Description').fill('Photos from the shop on the corner.');
    await editor.getByRole('button', { name: 'Save task' }).click();
    await editor.waitFor({ state: 'detached' });
    const renamedBox = page.getByRole('checkbox', { name: `Complete ${renamed}` });
    await renamedBox.waitFor();
    await page.locator('li.task', { has: renamedBox }).getByText('Overdue').waitFor();
    expect(await page.getByRole('button', { name: `Edit ${title}`, exact: true }).count()).toBe(0);

    // a daily task from two days ago, due at 00:05: the form is blank again after it (time, priority, repeat)
    const daily = `Stretch ${who}`;
    await page.getByLabel('Task', { exact: true }).fill(daily);
    await page.getByLabel('Date', { exact: true }).fill(twoDaysAgo);
    await page.getByLabel('Due time').fill('00:05');
    await page.getByLabel('Priority').selectOption('HIGH');
    await page.getByLabel('Repeats').selectOption({ label: 'Every day' });
    await add.click();
    const first = page.getByRole('checkbox', { name: `Complete ${daily} on ${twoDaysAgo}` });
    await first.waitFor();
    expect(await page.getByLabel('Task', { exact: true }).inputValue()).toBe('');
    expect(await page.getByLabel('Due time').inputValue()).toBe('');
    expect(await page.getByLabel('Priority').inputValue()).toBe('MEDIUM');
    expect(await page.getByLabel('Repeats').inputValue()).toBe('');

    // one occurrence completed: that day only; it is no longer overdue, the next day still is
    await page.locator('li.task', { has: first }).getByText('Overdue').waitFor();
    await first.click();
    const done = page.getByRole('checkbox', { name: `Reopen ${daily} on ${twoDaysAgo}` });
    await done.waitFor();
    expect(await done.isChecked()).toBe(true);
    expect(await page.locator('li.task', { has: done }).getByText('Overdue').count()).toBe(0);
    await page.getByRole('button', { name: 'Day', exact: true }).click();
    await page.getByRole('button', { name: 'Next' }).click();
    const next = page.getByRole('checkbox', { name: `Complete ${daily} on ${yesterday}` });
    await next.waitFor();
    expect(await next.isChecked()).toBe(false);
    await page.locator('li.task', { has: next }).getByText('Overdue').waitFor();
    await page.getByRole('button', { name: 'Week', exact: true }).click();

    // a calendar event today, 09:00–10:00 on the user's clock: shown in its day, then deleted
    const event = `Dentist ${who}`;
    await page.locator('summary', { hasText: 'New event' }).click();
    await page.getByLabel('Event', { exact: true }).fill(event);
    await page.getByLabel('Day', { exact: true }).fill(today);
    await page.getByLabel('Starts').fill('09:00');
    await page.getByLabel('Ends').fill('10:00');
    await page.getByRole('button', { name: 'Add event' }).click();
    const shown = page.getByRole('region', { name: today }).locator('li.event', { hasText: event });
    await shown.waitFor();
    expect(await shown.textContent()).toContain('09:00–10:00');
    expect(await page.getByLabel('Event', { exact: true }).inputValue()).toBe('');

    // a long title (and an unbroken word) stays inside its day, in the week and in the month
    await page.getByLabel('Task', { exact: true }).fill(`${'Supercalifragilisticexpialidocious'.repeat(3)} ${'and a very long title '.repeat(4)}`.trim());
    await page.getByLabel('Date', { exact: true }).fill(today);
    await add.click();
    await page.getByRole('checkbox', { name: /^Complete Supercalifragilistic/ }).waitFor();
    await staysInside(page);
    await expectNoSeriousViolations(page, `planner ${who}: week (overdue, done, an event, long titles)`);
    await shot('week');
    await page.getByRole('button', { name: 'Month', exact: true }).click();
    await page.getByRole('checkbox', { name: /^Complete Supercalifragilistic/ }).waitFor();
    await staysInside(page);
    await expectNoSeriousViolations(page, `planner ${who}: month`);
    await shot('month');
    await page.getByRole('button', { name: 'Week', exact: true }).click();

    await page.getByRole('button', { name: `Delete event ${event}` }).click();
    await shown.waitFor({ state: 'detached' });
  }

  it('at desktop size: edit, overdue, one occurrence, an event, long titles', async () => {
    const { context, page, problems } = await plannerOf('Desk', { width: 1200, height: 860 }, 'Europe/Berlin');
    await walk(page, 'desktop');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('at phone size (360 px): the same', async () => {
    const { context, page, problems } = await plannerOf('Phone', { width: 360, height: 740 }, 'America/New_York');
    await walk(page, 'phone');
    expect(problems).toEqual([]);
    await context.close();
  });
});
