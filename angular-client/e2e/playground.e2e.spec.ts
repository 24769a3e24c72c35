// The gateway's GraphQL playground (GraphiQL 5, bundled by gateway/tools/playground-bundle.ts) in Debian's
// Chromium against the whole system in embedded mode: the page loads under its nonce CSP with no violation,
// the schema feeds autocomplete, a typed `register` then `me` run over HTTP with the token put in the headers
// editor, and a subscription over graphql-ws receives the entry a mutation creates. Screenshot in
// artifacts/screenshots/playground.png.
import { mkdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ensurePlaygroundBundle } from '@mindflow/gateway/playground-bundle';
import { createTestDatabase, type TestDatabase } from '@mindflow/testing';
import { repoRoot, startSystem, type RunningSystem } from '@mindflow/tools';
import { launchChromium } from './browser.js';

const screenshots = join(repoRoot, 'artifacts', 'screenshots');
const logs = process.env['E2E_LOGS'] ? process.stderr : null;

describe('the GraphQL playground in a browser (embedded mode)', () => {
  let system: RunningSystem;
  let databases: TestDatabase[] = [];
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];
  const email = `playground-${Date.now()}@example.com`;

  beforeAll(async () => {
    await ensurePlaygroundBundle({ log: (line) => console.log(line) });
    databases = await Promise.all([createTestDatabase('e2e-playground-write'), createTestDatabase('e2e-playground-read')]);
    system = await startSystem({ mode: 'embedded', writeDatabaseUrl: databases[0]!.url, readDatabaseUrl: databases[1]!.url, output: logs });
    await mkdir(screenshots, { recursive: true });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.setDefaultTimeout(30_000);
    // Chromium reports every CSP refusal on the console; the event catches any it would not.
    page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    await page.addInitScript({
      content: "document.addEventListener('securitypolicyviolation', (e) => console.error('CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI));",
    });
  });

  afterAll(async () => {
    await browser?.close();
    await system?.stop();
    await Promise.all(databases.map((db) => db.drop()));
  });

  const playgroundUrl = () => system.gatewayUrl.replace(/\/graphql$/, '/playground');
  /** Replaces an editor's whole text, as a person pasting would (Monaco adds no closing brackets to a paste). */
  const replaceText = async (editor: string, text: string) => {
    await page.locator(`${editor} .monaco-editor`).click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Delete');
    await page.keyboard.insertText(text);
  };
  /** The response pane's text, its whitespace collapsed (Monaco wraps long lines and renders no-break spaces). */
  const response = async () => ((await page.locator('.graphiql-response .view-lines').textContent()) ?? '').replace(/[\s\u00a0]+/g, ' ');
  const run = () => page.locator('.graphiql-execute-button').click();

  it('serves GraphiQL under a nonce CSP, with the welcome tab explaining register and the headers', async () => {
    const res = await page.goto(playgroundUrl());
    expect(res?.status()).toBe(200);
    const csp = (await res?.headerValue('content-security-policy')) ?? '';
    expect(csp).toMatch(/script-src 'nonce-[^']+'(;|$)/);
    expect(csp).toMatch(/style-src 'nonce-[^']+'(;|$)/);
    // The schema loaded (by introspection, without a token): the docs explorer lists the root types.
    await page.getByRole('button', { name: /Show Documentation Explorer/i }).click();
    await page.locator('.graphiql-doc-explorer').getByText('Query', { exact: true }).first().waitFor();
    // The editor renders its lines after the page and the schema are there: wait for the welcome text itself (reading
    // at once raced Monaco's first paint and read '' in CI).
    const editorLines = page.locator('.graphiql-query-editor .view-lines');
    await editorLines.filter({ hasText: 'Register' }).waitFor({ timeout: 15_000 });
    const welcome = ((await editorLines.textContent()) ?? '').replace(/\u00a0/g, ' ');
    expect(welcome).toContain('mutation Register');
    expect(welcome).toContain('"Authorization": "Bearer <accessToken>"');
    expect(await page.getByRole('tab').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('Register')]));
    await page.getByRole('button', { name: /Hide Documentation Explorer/i }).click(); // room for the response pane
  });

  it('completes fields from the schema', async () => {
    await replaceText('.graphiql-query-editor', 'query { ');
    await page.keyboard.type('dashb');
    await page.keyboard.press('Control+Space');
    await expect.poll(async () => page.locator('.suggest-widget').textContent(), { timeout: 15_000 }).toContain('dashboard');
    await page.keyboard.press('Escape');
  });

  it('registers, puts the token in the headers editor, and runs `me` with it', async () => {
    await replaceText('.graphiql-query-editor',
      `mutation { register(email: "${email}", password: "a long passphrase", name: "Playground") { accessToken user { email } } }`);
    await run();
    await expect.poll(response, { timeout: 30_000 }).toContain('accessToken');
    // The response pane wraps the long token over several lines.
    const token = /"accessToken": "([^"]+)"/.exec(await response())?.[1]?.replace(/ /g, '');
    expect(token).toBeTruthy();

    await page.getByRole('button', { name: 'Headers' }).click();
    await replaceText('.graphiql-editor-tool .graphiql-editor:not(.hidden)', `{"Authorization": "Bearer ${token}"}`);
    await replaceText('.graphiql-query-editor', 'query Me { me { email name } }');
    await run();
    await expect.poll(response, { timeout: 30_000 }).toContain(`"email": "${email}"`);
    expect(await response()).toContain('"name": "Playground"');

    // The token is for the subscription below too: kept for the next test.
    (globalThis as { playgroundToken?: string }).playgroundToken = token!;
  });

  it('runs a subscription over graphql-ws with the headers as connectionParams and shows the change it receives', async () => {
    const token = (globalThis as { playgroundToken?: string }).playgroundToken!;
    const subscribed = new Promise<void>((resolve) => {
      page.on('websocket', (ws) => ws.on('framesent', ({ payload }) => { if (String(payload).includes('"type":"subscribe"')) resolve(); }));
    });
    const acknowledged = new Promise<void>((resolve) => {
      page.on('websocket', (ws) => ws.on('framereceived', ({ payload }) => { if (String(payload).includes('"type":"connection_ack"')) resolve(); }));
    });
    await replaceText('.graphiql-query-editor', 'subscription Live { entryChanged { kind entryId entry { title journal { name } } } }');
    await page.getByRole('button', { name: /^Prettify query/ }).click(); // prettier, loaded on first use
    await expect.poll(async () => page.locator('.graphiql-query-editor .view-line').count(), { timeout: 15_000 }).toBeGreaterThan(5);
    await run();
    await Promise.all([acknowledged, subscribed]);

    // A change made elsewhere (as the app would): a journal and an entry, over HTTP with the same token.
    const post = async (query: string, variables: Record<string, unknown>) => {
      const res = await fetch(system.gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await res.json()) as { data?: Record<string, { journal?: { id: string } }>; errors?: unknown };
      if (body.errors || !body.data) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
      return body.data;
    };
    const created = await post('mutation ($input: CreateJournalInput!) { createJournal(input: $input) { journal { id } } }', { input: { name: 'Playground days' } });
    await post('mutation ($input: CreateEntryInput!) { createEntry(input: $input) { entry { id } } }', {
      input: { journalId: created['createJournal']!.journal!.id, title: 'Seen live in GraphiQL', content: 'Typed elsewhere, shown in the playground.' },
    });
    await expect.poll(response, { timeout: 60_000 }).toContain('Seen live in GraphiQL');
    const shown = await response();
    expect(shown).toContain('"kind": "CREATED"');
    expect(shown).toContain('"name": "Playground days"');

    const path = join(screenshots, 'playground.png');
    await page.screenshot({ path });
    expect((await stat(path)).size).toBeGreaterThan(10_000);
    await run(); // stops the subscription
  });

  it('saw no CSP violation, console error or page error', () => {
    expect(problems).toEqual([]);
  });
});
