// What every browser spec starts from: its own write and read databases, the whole system in embedded mode (the
// app's server, the gateway and every service as their own processes) and Debian's Chromium. One call in
// beforeAll, `close()` in afterAll. `{ mode: 'distributed' }` runs it on the shared Kafka, Redis, Elasticsearch and
// S3-compatible server instead, with topics, keys, indices and a bucket of the suite's own (distributedServers).
import {
  createTestDatabase, testServers, uniqueBucketName, uniqueIndexPrefix, uniqueRedisPrefix, uniqueTopicPrefix, type TestDatabase,
} from '@mindflow/testing';
import { startSystem, type RunningSystem, type SystemOptions } from '@mindflow/tools';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { launchChromium } from './browser.js';

const logs = process.env['E2E_LOGS'] ? process.stderr : null;

export interface AppUnderTest {
  readonly system: RunningSystem;
  /** The app's address (its server proxies /graphql to the gateway). */
  readonly appUrl: string;
  readonly browser: Browser;
  /** A fresh browser context and page (30 s default timeout). */
  newPage(options?: BrowserContextOptions): Promise<{ context: BrowserContext; page: Page }>;
  close(): Promise<void>;
}

/** `name` names the test databases (`e2e-<name>-write`, `e2e-<name>-read`). */
export async function appUnderTest(name: string, options: Partial<SystemOptions> = {}): Promise<AppUnderTest> {
  const databases: TestDatabase[] = await Promise.all([createTestDatabase(`e2e-${name}-write`), createTestDatabase(`e2e-${name}-read`)]);
  let system: RunningSystem | undefined;
  let browser: Browser | undefined;
  const close = async () => {
    await browser?.close();
    await system?.stop();
    await Promise.all(databases.map((db) => db.drop()));
  };
  try {
    const servers = options.mode === 'distributed' ? await distributedServers(`e2e-${name}`) : {};
    system = await startSystem({ mode: 'embedded', writeDatabaseUrl: databases[0]!.url, readDatabaseUrl: databases[1]!.url, output: logs, ...servers, ...options });
    if (!system.appUrl) throw new Error('the SPA is not built (angular-client/dist is missing): run npx nx run @mindflow/angular-client:build');
    browser = await launchChromium();
  } catch (error) {
    await close();
    throw error;
  }
  const started = { system, appUrl: system.appUrl, browser };
  return {
    ...started,
    newPage: async (contextOptions = {}) => {
      const context = await started.browser.newContext(contextOptions);
      const page = await context.newPage();
      page.setDefaultTimeout(30_000);
      return { context, page };
    },
    close,
  };
}

/**
 * Distributed mode's servers (testServers(): the environment, containers or tools/infra), each with names of the
 * suite's own, as tools' e2e suites get them (tools/src/e2e/test/e2e-system.ts); the media subgraph makes the bucket.
 */
export async function distributedServers(label: string): Promise<Partial<SystemOptions>> {
  const servers = await testServers();
  return {
    kafkaBrokers: (await servers.kafkaBrokers()).join(','),
    topicPrefix: uniqueTopicPrefix(label),
    redisUrl: await servers.redisUrl(),
    redisKeyPrefix: uniqueRedisPrefix(label),
    elasticsearchUrl: await servers.elasticsearchUrl(),
    searchIndexPrefix: uniqueIndexPrefix(label),
    s3: { ...(await servers.s3()), bucket: uniqueBucketName(label) },
  };
}

/** A new account, signed in, on the dashboard. */
export async function register(page: Page, appUrl: string, person: { name: string; email: string; password: string }): Promise<void> {
  await page.goto(appUrl);
  await page.waitForURL(/\/login/);
  await page.getByRole('link', { name: 'Create an account' }).click();
  await page.getByLabel('Name').fill(person.name);
  await page.getByLabel('Email').fill(person.email);
  await page.getByLabel('Password').fill(person.password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.getByRole('heading', { level: 1, name: `Hello, ${person.name}` }).waitFor();
}
