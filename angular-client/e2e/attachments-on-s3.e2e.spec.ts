// A photo attached in Chromium with the whole system in distributed mode (issue 15), where the signed URLs point at
// the S3-compatible server (tools/infra's S3Proxy), not at the app's origin: the browser's PUT is cross-origin, so
// it goes through a CORS preflight, and it must carry nothing the presigner signed that a browser cannot send
// (checksum parameters). The upload must reach the server and succeed without a CORS error, the gallery's
// thumbnail load from an S3 signed URL, and the stored objects be in the suite's own bucket.
import { testServers } from '@mindflow/testing';
import { systemObjectStore } from '@mindflow/tools';
import type { Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appUnderTest, register, type AppUnderTest } from './app-under-test.js';
import { attachPhoto, journalWithEntry, loadedWidth } from './attachment-steps.js';

describe('attachments in the browser (distributed mode: S3)', () => {
  let app: AppUnderTest;
  let s3Origin: string;

  beforeAll(async () => {
    s3Origin = new URL((await (await testServers()).s3()).endpoint).origin;
    app = await appUnderTest('attachments-s3', { mode: 'distributed' });
  });

  afterAll(async () => {
    await app?.close();
  });

  it('uploads a photo from the browser straight to S3 (cross-origin) and shows its thumbnail from a signed S3 URL', async () => {
    const { page } = await app.newPage({ viewport: { width: 1200, height: 900 } });
    const toStorage: Request[] = [];
    const failed: string[] = [];
    const consoleErrors: string[] = [];
    const toS3 = (request: Request) => new URL(request.url()).origin === s3Origin;
    page.on('request', (request) => {
      if (toS3(request)) toStorage.push(request);
    });
    // (the app's own aborted /graphql requests, e.g. when a page is left, are not this spec's business)
    page.on('requestfailed', (request) => {
      if (toS3(request)) failed.push(`${request.method()} ${request.url()}: ${request.failure()?.errorText}`);
    });
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });

    await register(page, app.appUrl, { name: 'Sol', email: `attach-s3-${Date.now()}@example.com`, password: 'correct horse battery staple' });
    await journalWithEntry(page, 'Harbour notes', 'The ferry came in late; the light on the water was worth a photograph.');
    expect(new URL(app.appUrl).origin).not.toBe(s3Origin); // the point of this spec: another origin

    const open = await attachPhoto(page, 'ferry.png');

    // the bytes went to the S3 server (not the app, not the gateway), were accepted, and nothing was refused
    const puts = toStorage.filter((request) => request.method() === 'PUT');
    expect(puts, 'one PUT to the S3 server').toHaveLength(1);
    const put = puts[0]!;
    const putUrl = new URL(put.url());
    expect(putUrl.searchParams.get('X-Amz-Signature')).toBeTruthy();
    // a browser cannot compute a checksum the presigner would have signed for it
    expect([...putUrl.searchParams.keys()].filter((name) => /checksum/i.test(name))).toEqual([]);
    expect((await put.response())?.status()).toBe(200);
    expect(failed).toEqual([]);
    expect(consoleErrors.filter((text) => /CORS|Access-Control|blocked/i.test(text))).toEqual([]);

    // the thumbnail loads in the page from a signed URL of the S3 server
    await expect.poll(() => loadedWidth(page, '.thumb img'), { timeout: 15_000 }).toBeGreaterThan(0);
    const thumbnailUrl = new URL((await open.locator('img').getAttribute('src'))!);
    expect(thumbnailUrl.origin).toBe(s3Origin);
    expect(thumbnailUrl.searchParams.get('X-Amz-Signature')).toBeTruthy();

    // and the objects are in the suite's bucket (path style: /<bucket>/<key>): the photo and its thumbnail; the
    // upload itself was deleted once attached
    const bucket = app.system.services.get('media-subgraph')!.spec.env['S3_BUCKET']!;
    const keyOf = (url: URL) => {
      const [first, ...key] = url.pathname.slice(1).split('/');
      expect(first).toBe(bucket);
      return key.map(decodeURIComponent).join('/');
    };
    const thumbnailKey = keyOf(thumbnailUrl);
    const store = systemObjectStore(app.system);
    expect(await store.head(thumbnailKey)).toMatchObject({ contentType: 'image/webp' });
    expect(await store.head(thumbnailKey.replace(/\.thumb\.webp$/, ''))).toMatchObject({ contentType: 'image/png' });
    expect(await store.head(keyOf(putUrl))).toBeNull();
  });
});
