// Reading one's own write on a busy server, in Debian's Chromium against the whole system in embedded mode
// (issue 17): after a write the app reads with `x-consistent-with`; when the read side has not caught up within the
// server's wait, the server answers CONSISTENCY_TIMEOUT (saying the change is saved and to ask again). The app asks
// again by itself, then reads what there is: the person sees their thought, never the raw timeout, and loses no text.
// The server's slowness is played by answering the app's first consistent reads with the server's timeout.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page, Route } from 'playwright-core';
import { createTestDatabase, type TestDatabase } from '@mindflow/testing';
import { startSystem, type RunningSystem } from '@mindflow/tools';
import { expectNoSeriousViolations } from './a11y.js';
import { launchChromium } from './browser.js';

const logs = process.env['E2E_LOGS'] ? process.stderr : null;

/** The server's answer when its wait for the read side ran out (libs/subgraph request-guard.ts). */
const timedOut = JSON.stringify({
  errors: [{
    message: 'Your change is saved, but the read side has not shown it yet (waited 5000 ms). Send the same query again, with the same x-consistent-with, in a moment (retryAfterMs).',
    extensions: { code: 'CONSISTENCY_TIMEOUT', retryAfterMs: 1000 },
  }],
  data: null,
});

describe('reading one\'s own write when the read side is late (embedded mode)', () => {
  let system: RunningSystem;
  let databases: TestDatabase[] = [];
  let browser: Browser;

  beforeAll(async () => {
    databases = await Promise.all([createTestDatabase('e2e-ryw-write'), createTestDatabase('e2e-ryw-read')]);
    system = await startSystem({ mode: 'embedded', writeDatabaseUrl: databases[0]!.url, readDatabaseUrl: databases[1]!.url, output: logs });
    if (!system.appUrl) throw new Error('the SPA is not built (angular-client/dist is missing): run npx nx run @mindflow/angular-client:build');
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await system?.stop();
    await Promise.all(databases.map((db) => db.drop()));
  });

  /** Answers the next `times` reads sent with x-consistent-with as a server whose read side is late; counts them all. */
  async function lateReadSide(page: Page, times: number): Promise<{ consistentReads: string[] }> {
    const seen = { consistentReads: [] as string[] };
    await page.unroute('**/graphql');
    await page.route('**/graphql', async (route: Route) => {
      const token = route.request().headers()['x-consistent-with'];
      if (route.request().method() !== 'POST' || token === undefined) return route.continue();
      seen.consistentReads.push(token);
      if (seen.consistentReads.length <= times) return route.fulfill({ status: 200, contentType: 'application/json', body: timedOut });
      return route.continue();
    });
    return seen;
  }

  it('a thought captured while the read side is late is shown once it catches up, with no error and nothing lost', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    await page.goto(system.appUrl!);
    await page.waitForURL(/\/login/);
    await page.getByRole('link', { name: 'Create an account' }).click();
    await page.getByLabel('Name').fill('Late Reader');
    await page.getByLabel('Email').fill(`late-${Date.now()}@example.com`);
    await page.getByLabel('Password', { exact: true }).fill('correct horse battery staple');
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent(), { timeout: 30_000 }).toContain('Hello, Late Reader');
    await page.goto(`${system.appUrl}/thoughts`);
    await page.getByRole('heading', { name: 'Thoughts', level: 1 }).waitFor();

    // late twice, then caught up: the app asks again with the same token and shows the thought
    const twice = await lateReadSide(page, 2);
    await page.getByLabel(/Capture a thought/).fill('Coffee with Ana at nine');
    await page.getByRole('button', { name: 'Capture' }).click();
    await page.getByText('Coffee with Ana at nine', { exact: true }).waitFor();
    expect(twice.consistentReads.length).toBeGreaterThanOrEqual(3);
    expect(new Set(twice.consistentReads).size).toBe(1);
    expect(await page.getByRole('alert').count()).toBe(0);
    await expectNoSeriousViolations(page, 'thoughts: a thought read after the read side caught up');

    // late every time: after its last attempt the app reads what the read side has, without waiting — still no error
    const always = await lateReadSide(page, Number.POSITIVE_INFINITY);
    await page.getByLabel(/Capture a thought/).fill('Call the dentist on Monday');
    await page.getByRole('button', { name: 'Capture' }).click();
    await page.getByText('Call the dentist on Monday', { exact: true }).waitFor({ timeout: 60_000 });
    expect(always.consistentReads.length).toBeGreaterThanOrEqual(5);
    expect(await page.getByRole('alert').count()).toBe(0);
    expect(await page.getByText(/did not catch up|has not shown it yet/).count()).toBe(0);
    await context.close();
  }, 240_000);
});
