import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { servedDiskStore } from '../test/object-store-fixtures.js';
import type { DiskObjectStore } from './disk-object-store.js';

// What only the disk adapter can promise beyond the contract (S3 cannot bound a presigned PUT's size): the signed
// size limit is enforced, keys never leave the folder, a failed upload leaves nothing behind.
describe('disk object store behind diskObjectHandler', () => {
  let directory: string;
  let store: DiskObjectStore;
  let close: () => Promise<void>;
  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'mindflow-objects-'));
    ({ store, close } = await servedDiskStore(join(directory, 'store')));
  });
  afterAll(async () => {
    await close?.();
    await rm(directory, { recursive: true, force: true });
  });

  it('refuses an upload larger than the signed limit before reading it, and one without a length', async () => {
    const ticket = await store.signedPutUrl('uploads/big', { contentType: 'image/jpeg', maxBytes: 1000, expiresInSeconds: 60 });
    const tooLarge = await fetch(ticket.url, { method: 'PUT', headers: ticket.headers, body: Buffer.alloc(1001) });
    expect(tooLarge.status).toBe(413);
    const chunked = await rawPut(ticket.url, ticket.headers, ['a', 'b']);
    expect(chunked).toBe(411);
    expect(await store.head('uploads/big')).toBeNull();
    const exact = await fetch(ticket.url, { method: 'PUT', headers: ticket.headers, body: Buffer.alloc(1000) });
    expect(exact.status).toBe(200);
    expect(await store.head('uploads/big')).toEqual({ size: 1000, contentType: 'image/jpeg' });
  });

  it('never lets a key leave the store folder', async () => {
    await writeFile(join(directory, 'outside.txt'), 'private');
    await expect(store.put('../outside.txt', Buffer.from('x'), { contentType: 'text/plain' })).rejects.toThrow('invalid object key');
    await expect(store.get('../../outside.txt')).rejects.toThrow('invalid object key');
    await expect(store.signedGetUrl('a/../../outside.txt', { expiresInSeconds: 60 })).rejects.toThrow('invalid object key');
    const url = new URL(await store.signedGetUrl('x', { expiresInSeconds: 60 }));
    // encoded "/" and NUL are refused as keys; an encoded ".." is resolved by URL parsing, away from the handler's path
    for (const [path, status] of [['/objects/..%2F..%2Foutside.txt', 400], ['/objects/a%00b', 400], ['/objects/%2E%2E/%2E%2E/outside.txt', 404]] as const) {
      const answer = await fetch(`${url.origin}${path}${url.search}`);
      expect(answer.status).toBe(status);
      expect(await answer.text()).not.toContain('private');
    }
  });

  it('leaves no object and no temporary file behind when an upload breaks off', async () => {
    const ticket = await store.signedPutUrl('uploads/broken', { contentType: 'audio/ogg', maxBytes: 10_000, expiresInSeconds: 60 });
    await rawPut(ticket.url, { ...ticket.headers, 'content-length': '10000' }, ['only part of it'], { abort: true }).catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await store.head('uploads/broken')).toBeNull();
    expect(await readdir(join(directory, 'store', 'tmp'))).toEqual([]);
  });

  it('answers a browser preflight, and serves user content so that it cannot run as a page', async () => {
    const ticket = await store.signedPutUrl('uploads/page.html', { contentType: 'image/png', maxBytes: 100, expiresInSeconds: 60 });
    const preflight = await fetch(ticket.url, { method: 'OPTIONS', headers: { origin: 'http://localhost:3000', 'access-control-request-method': 'PUT' } });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-methods')).toContain('PUT');
    await fetch(ticket.url, { method: 'PUT', headers: ticket.headers, body: '<script>alert(1)</script>' });
    const served = await fetch(await store.signedGetUrl('uploads/page.html', { expiresInSeconds: 60 }));
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(served.headers.get('x-content-type-options')).toBe('nosniff');
    expect(served.headers.get('content-security-policy')).toContain('sandbox');
  });
});

/** A PUT with chunked encoding (no content-length) or one cut off mid-body: what fetch never sends. */
function rawPut(url: string, headers: Record<string, string>, chunks: string[], options: { abort?: boolean } = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const outgoing = request(url, { method: 'PUT', headers }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    outgoing.on('error', reject);
    for (const chunk of chunks) outgoing.write(chunk);
    if (options.abort) {
      setTimeout(() => {
        outgoing.destroy();
        resolve(0);
      }, 100);
    } else {
      outgoing.end();
    }
  });
}
