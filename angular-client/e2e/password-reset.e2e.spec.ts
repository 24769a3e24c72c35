// "Forgot your password?" in Debian's Chromium against the whole system in embedded mode, its mail caught by the
// local mail catcher (tools/src/mail-catcher: an SMTP server and a web page of what it caught): the sign-in page's
// link, the request (the same answer for any address), the mail opened in the catcher's page and its link followed,
// a new password set (typed twice), every session ended (another tab signed in before is signed out), sign-in with
// the new password only, the link refused a second time with what to do. axe on each screen, at desktop and phone
// size, light and dark.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createTestDatabase, type TestDatabase } from '@mindflow/testing';
import { startMailCatcher, startSystem, type MailCatcher, type RunningSystem } from '@mindflow/tools';
import { expectNoSeriousViolations } from './a11y.js';
import { launchChromium } from './browser.js';

const logs = process.env['E2E_LOGS'] ? process.stderr : null;
const password = 'correct horse battery staple';
const newPassword = 'a brand new harbour lantern';

describe('forgot password (embedded mode, mail caught locally)', () => {
  let system: RunningSystem;
  let databases: TestDatabase[] = [];
  let browser: Browser;
  let catcher: MailCatcher;
  let mailDir: string;

  beforeAll(async () => {
    mailDir = await mkdtemp(join(tmpdir(), 'mindflow-mail-'));
    catcher = await startMailCatcher({ dir: mailDir, smtpPort: 0, webPort: 0 });
    databases = await Promise.all([createTestDatabase('e2e-reset-write'), createTestDatabase('e2e-reset-read')]);
    system = await startSystem({
      mode: 'embedded', writeDatabaseUrl: databases[0]!.url, readDatabaseUrl: databases[1]!.url, output: logs,
      extraEnv: { SMTP_URL: catcher.smtpUrl },
    });
    if (!system.appUrl) throw new Error('the SPA is not built (angular-client/dist is missing): run npx nx run @mindflow/angular-client:build');
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await system?.stop();
    await catcher?.close();
    await Promise.all(databases.map((db) => db.drop()));
    if (mailDir) await rm(mailDir, { recursive: true, force: true });
  });

  async function register(page: Page, email: string): Promise<void> {
    await page.goto(system.appUrl!);
    await page.waitForURL(/\/login/);
    await page.getByRole('link', { name: 'Create an account' }).click();
    await page.getByLabel('Name').fill('Forgetful');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('heading', { name: /Hello, Forgetful/, level: 1 }).waitFor();
  }

  /** The mail catcher's list (newest first), as its web page serves it. */
  async function caughtFor(email: string): Promise<{ n: number; subject: string }[]> {
    const list = (await (await fetch(new URL('messages.json', catcher.webUrl))).json()) as { n: number; to: string[]; subject: string }[];
    return list.filter((m) => m.to.includes(email));
  }

  it('a reset link by mail sets a new password and signs every device out', async () => {
    const email = `forgot-${Date.now()}@example.com`;
    const context = await browser.newContext({ viewport: { width: 1200, height: 860 } });
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    await register(page, email);
    // another device, signed in before the reset
    const other: BrowserContext = await browser.newContext({ viewport: { width: 1200, height: 860 } });
    const otherPage = await other.newPage();
    await otherPage.goto(system.appUrl!);
    await otherPage.waitForURL(/\/login/);
    await otherPage.getByLabel('Email').fill(email);
    await otherPage.getByLabel('Password', { exact: true }).fill(password);
    await otherPage.getByRole('button', { name: 'Sign in' }).click();
    await otherPage.getByRole('heading', { name: /Hello, Forgetful/, level: 1 }).waitFor();

    await page.getByRole('button', { name: 'Log out' }).click();
    await page.waitForURL(/\/login/);
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await page.getByRole('heading', { name: 'Forgot your password?', level: 1 }).waitFor();
    await expectNoSeriousViolations(page, 'forgot password');
    // an address without an account: the same answer, and no mail
    await page.getByLabel('Email').fill('nobody-here@example.com');
    await page.getByRole('button', { name: 'Send me a link' }).click();
    await page.getByRole('status').filter({ hasText: 'a link to set a new password is on its way' }).waitFor();
    await page.goto(`${system.appUrl}/forgot-password`);
    await page.getByLabel('Email').fill(email);
    await page.getByRole('button', { name: 'Send me a link' }).click();
    await page.getByRole('status').filter({ hasText: 'a link to set a new password is on its way' }).waitFor();
    await expectNoSeriousViolations(page, 'forgot password: sent');

    // the mail, opened in the mail catcher's page, its link followed
    await expect.poll(async () => (await caughtFor(email)).length, { timeout: 30_000 }).toBe(1);
    expect(await caughtFor('nobody-here@example.com')).toEqual([]);
    const [mail] = await caughtFor(email);
    expect(mail!.subject).toBe('Set a new MindFlow password');
    await page.goto(new URL(`messages/${mail!.n}.html`, catcher.webUrl).toString());
    await page.getByRole('link', { name: 'Choose a new password' }).click();
    await page.waitForURL(/\/reset-password\?token=/);
    const resetUrl = page.url();
    await page.getByRole('heading', { name: 'Choose a new password', level: 1 }).waitFor();
    await expectNoSeriousViolations(page, 'reset password');
    await page.getByLabel('New password').fill(newPassword);
    await page.getByLabel('Type it again').fill('a brand new harbour lanter');
    await page.getByRole('button', { name: 'Set the new password' }).click();
    await page.getByRole('alert').filter({ hasText: 'The two passwords differ.' }).waitFor();
    await expectNoSeriousViolations(page, 'reset password: they differ');
    await page.getByLabel('Type it again').fill(newPassword);
    await page.getByRole('button', { name: 'Set the new password' }).click();
    await page.waitForURL(/\/login\?reset=done/);
    await page.getByRole('status').filter({ hasText: 'Your password was changed and every device was signed out' }).waitFor();
    await expectNoSeriousViolations(page, 'sign in after a reset');

    // the other device is signed out: its next page goes to sign-in
    await otherPage.reload();
    await otherPage.waitForURL(/\/login/);
    // the old password no longer works, the new one does
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').waitFor();
    await page.getByLabel('Password', { exact: true }).fill(newPassword);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: /Hello, Forgetful/, level: 1 }).waitFor();

    // the link a second time: refused, saying what to do
    await page.getByRole('button', { name: 'Log out' }).click();
    await page.waitForURL(/\/login/);
    await page.goto(resetUrl);
    await page.getByLabel('New password').fill('yet another harbour lantern');
    await page.getByLabel('Type it again').fill('yet another harbour lantern');
    await page.getByRole('button', { name: 'Set the new password' }).click();
    await page.getByRole('alert').filter({ hasText: 'This reset link has expired or was already used. Ask for a new one.' }).waitFor();
    await page.getByRole('alert').getByRole('link', { name: 'Ask for a new link' }).waitFor();
    await context.close();
    await other.close();
  }, 240_000);

  it('its screens at phone size, light and dark: nothing serious for axe, nothing wider than the screen', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      for (const [path, heading] of [['/forgot-password', 'Forgot your password?'], ['/reset-password?token=x', 'Choose a new password'], ['/login?reset=done', 'Sign in']] as const) {
        await page.goto(`${system.appUrl}${path}`);
        await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
        await expectNoSeriousViolations(page, `${path} at 360 px (${scheme})`);
        expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
      }
    }
    await context.close();
  }, 120_000);
});
