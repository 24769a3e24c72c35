// Two tabs of one signed-in user on the thoughts page, in Debian's Chromium against the whole system in embedded
// mode (issue 17): a thought captured in tab A appears in tab B without a reload (thoughtChanged), its edit too, and
// once A makes it a task (the thought deleted) it leaves B's list.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { repoRoot } from '@mindflow/tools';
import { appUnderTest, register, type AppUnderTest } from './app-under-test.js';

const screenshots = join(repoRoot, 'artifacts', 'screenshots');

/** Resolves once the page has sent its thoughtChanged subscription over the WebSocket (graphql-ws sends it after the ack). */
function subscribedToThoughts(page: Page): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the tab never subscribed to thoughtChanged')), 30_000);
    page.on('websocket', (ws) => ws.on('framesent', (frame) => {
      if (String(frame.payload).includes('"subscribe"') && String(frame.payload).includes('thoughtChanged')) {
        clearTimeout(timer);
        resolve();
      }
    }));
  });
}

describe('the thoughts list, live between two tabs (embedded mode)', () => {
  let app: AppUnderTest;
  let context: BrowserContext;

  beforeAll(async () => {
    app = await appUnderTest('live-thoughts');
  });

  afterEach(async () => {
    await mkdir(screenshots, { recursive: true });
    for (const [i, page] of (context?.pages() ?? []).entries()) {
      await page.screenshot({ path: join(screenshots, `live-thoughts-${i + 1}.png`), fullPage: true }).catch(() => undefined);
    }
  });

  afterAll(async () => app?.close());

  it('shows a thought captured, edited and made a task in the other tab, without a reload', async () => {
    const opened = await app.newPage({ viewport: { width: 1200, height: 860 } });
    context = opened.context;
    const a = opened.page;
    await register(a, app.appUrl, { name: 'Two Tabs', email: `live-thoughts-${Date.now()}@example.com`, password: 'correct horse battery staple' });
    await a.goto(`${app.appUrl}/thoughts`);
    const listIn = (page: Page) => page.getByRole('region', { name: 'Your thoughts' });
    await listIn(a).getByText('Nothing captured yet.').waitFor();
    const b = await context.newPage(); // the same browser: signed in through the refresh cookie
    b.setDefaultTimeout(30_000);
    const listening = subscribedToThoughts(b);
    await b.goto(`${app.appUrl}/thoughts`);
    await listIn(b).getByText('Nothing captured yet.').waitFor();
    await listening;
    await b.waitForTimeout(1_000); // the gateway sets the subscription up (its caller checked, the bus listened to)

    await a.getByLabel(/Capture a thought/).fill('Call the plumber #home');
    await a.getByRole('button', { name: 'Capture' }).click();
    await listIn(b).getByText('Call the plumber #home').waitFor();
    await listIn(b).getByText('#home', { exact: true }).waitFor();

    await listIn(a).getByRole('button', { name: 'Edit' }).click();
    await a.getByLabel('Edit the thought').fill('Call the plumber on Monday #home');
    await listIn(a).getByRole('button', { name: 'Save' }).click();
    await listIn(b).getByText('Call the plumber on Monday #home').waitFor();

    await listIn(a).getByRole('button', { name: 'Make it a task' }).click();
    await a.getByRole('status').filter({ hasText: 'is a task for today now' }).waitFor();
    await expect.poll(() => listIn(b).getByText(/plumber/).count(), { timeout: 30_000 }).toBe(0);
    await listIn(b).getByText('Nothing captured yet.').waitFor();
    expect(await b.getByRole('alert').count()).toBe(0);
  });
});
