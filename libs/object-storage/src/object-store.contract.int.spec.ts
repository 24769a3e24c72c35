import { randomBytes, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ObjectStore } from './object-store.js';
import { diskStore, s3Store, type StoreFactory, type StoreFixture } from './test/object-store-fixtures.js';

// One contract, two adapters: what the media service and the export rely on holds for S3 (distributed mode,
// against a real S3-compatible server) and the local disk behind diskObjectHandler (embedded mode) alike.
describe.each<[string, StoreFactory]>([
  ['s3', s3Store],
  ['disk', diskStore],
])('ObjectStore contract: %s', (_name, factory) => {
  let fixture: StoreFixture;
  let store: ObjectStore;
  beforeAll(async () => {
    fixture = await factory();
    store = fixture.store;
  });
  afterAll(async () => fixture?.dispose());

  const prefix = () => `t-${randomUUID()}`;
  const bytesOf = async (stream: NodeJS.ReadableStream | null) => (stream ? Buffer.concat(await collect(stream as AsyncIterable<Buffer>)) : null);
  const keys = async (listPrefix: string) => (await collect(store.list(listPrefix))).map((object) => object.key);

  it('puts a buffer and gets the same bytes and type back', async () => {
    const key = `${prefix()}/photo.jpg`;
    const body = randomBytes(4096);
    await store.put(key, body, { contentType: 'image/jpeg' });
    expect(await store.head(key)).toEqual({ size: 4096, contentType: 'image/jpeg' });
    expect((await bytesOf(await store.get(key)))!.equals(body)).toBe(true);
  });

  it('puts streams, with and without a known length, larger than one multipart part', async () => {
    const base = prefix();
    const small = randomBytes(100_000);
    await store.put(`${base}/known`, Readable.from([small.subarray(0, 50_000), small.subarray(50_000)]), {
      contentType: 'audio/ogg',
      contentLength: small.length,
    });
    expect(await store.head(`${base}/known`)).toEqual({ size: 100_000, contentType: 'audio/ogg' });
    // 9 MiB of unknown length: S3 takes it as a multipart upload, the disk as one file.
    const chunk = randomBytes(1024 * 1024);
    const chunks = Array.from({ length: 9 }, (_, i) => Buffer.concat([chunk.subarray(i), chunk.subarray(0, i)]));
    await store.put(`${base}/large.zip`, Readable.from(chunks), { contentType: 'application/zip' });
    expect(await store.head(`${base}/large.zip`)).toEqual({ size: 9 * 1024 * 1024, contentType: 'application/zip' });
    expect((await bytesOf(await store.get(`${base}/large.zip`)))!.equals(Buffer.concat(chunks))).toBe(true);
  });

  it('answers null for an absent object and replaces an object put again', async () => {
    const key = `${prefix()}/note.txt`;
    expect(await store.get(key)).toBeNull();
    expect(await store.head(key)).toBeNull();
    await store.put(key, Buffer.from('first'), { contentType: 'text/plain' });
    await store.put(key, Buffer.from('second version'), { contentType: 'text/markdown' });
    expect(await store.head(key)).toEqual({ size: 14, contentType: 'text/markdown' });
    expect(await text((await store.get(key))!)).toBe('second version');
  });

  it('deletes one key or many, absent ones included, and nothing else', async () => {
    const base = prefix();
    for (const name of ['a', 'b', 'c', 'd']) await store.put(`${base}/${name}`, Buffer.from(name), { contentType: 'text/plain' });
    await store.delete(`${base}/a`);
    await store.delete([`${base}/b`, `${base}/c`, `${base}/never-there`]);
    await store.delete(`${base}/a`);
    await store.delete([]);
    expect(await store.head(`${base}/a`)).toBeNull();
    expect(await store.get(`${base}/c`)).toBeNull();
    expect(await keys(`${base}/`)).toEqual([`${base}/d`]);
  });

  it('lists the keys under a prefix in key order with their sizes and when they were written', async () => {
    const base = prefix();
    const before = Date.now();
    const names = ['x/2', 'x/10', 'x-y', 'x/1/deep', 'y', 'xz'];
    for (const name of names) await store.put(`${base}/${name}`, Buffer.alloc(name.length), { contentType: 'application/octet-stream' });
    const listed = await collect(store.list(`${base}/x`));
    // UTF-8 byte order of the whole key, as S3 lists: '-' < '/' < 'z'.
    expect(listed.map(({ key, size }) => ({ key, size }))).toEqual(
      ['x-y', 'x/1/deep', 'x/10', 'x/2', 'xz'].map((name) => ({ key: `${base}/${name}`, size: name.length })),
    );
    // S3 keeps whole seconds; the server's clock may be a little off ours
    for (const { modifiedAt } of listed) {
      expect(modifiedAt).toBeInstanceOf(Date);
      expect(modifiedAt.getTime()).toBeGreaterThan(before - 5_000);
      expect(modifiedAt.getTime()).toBeLessThan(Date.now() + 5_000);
    }
    expect(await keys(`${base}/x/1`)).toEqual([`${base}/x/1/deep`, `${base}/x/10`]);
    expect(await keys(`${base}/nothing`)).toEqual([]);
    expect(await keys(`${prefix()}/`)).toEqual([]);
  });

  it('takes an upload by plain fetch to the signed PUT URL and serves it by the signed GET URL', async () => {
    const key = `${prefix()}/uploads/voice note.webm`;
    const body = randomBytes(20_000);
    const ticket = await store.signedPutUrl(key, { contentType: 'audio/webm', maxBytes: body.length, expiresInSeconds: 60 });
    expect(ticket.headers['content-type']).toBe('audio/webm');
    const upload = await fetch(ticket.url, { method: 'PUT', headers: ticket.headers, body });
    expect(upload.status).toBe(200);
    expect(await store.head(key)).toEqual({ size: 20_000, contentType: 'audio/webm' });

    const download = await fetch(await store.signedGetUrl(key, { expiresInSeconds: 60 }));
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('audio/webm');
    expect(Buffer.from(await download.arrayBuffer()).equals(body)).toBe(true);

    const named = await fetch(await store.signedGetUrl(key, { expiresInSeconds: 60, downloadName: 'Walk, 7 Dec – café.webm' }));
    expect(named.status).toBe(200);
    expect(named.headers.get('content-disposition')).toBe(
      `attachment; filename="Walk, 7 Dec _ caf_.webm"; filename*=UTF-8''Walk%2C%207%20Dec%20%E2%80%93%20caf%C3%A9.webm`,
    );
  });

  it('refuses an upload whose content type is not the signed one', async () => {
    const key = `${prefix()}/photo.png`;
    const ticket = await store.signedPutUrl(key, { contentType: 'image/png', maxBytes: 1000, expiresInSeconds: 60 });
    const upload = await fetch(ticket.url, { method: 'PUT', headers: { 'content-type': 'text/html' }, body: '<script>alert(1)</script>' });
    expect(upload.status).toBe(403);
    expect(await store.head(key)).toBeNull();
  });

  it('refuses a PUT larger than the declared size, before storing it', async () => {
    const key = `${prefix()}/declared-one-byte.bin`;
    const ticket = await store.signedPutUrl(key, { contentType: 'application/octet-stream', maxBytes: 1, expiresInSeconds: 60 });
    // the client declared 1 byte and sends 2 MB (fetch sets the real Content-Length)
    const upload = await fetch(ticket.url, {
      method: 'PUT',
      headers: { 'content-type': 'application/octet-stream' },
      body: randomBytes(2 * 1024 * 1024),
    });
    expect([403, 413]).toContain(upload.status);
    expect(await store.head(key)).toBeNull();

    // the declared size still goes through
    const fits = await fetch(ticket.url, { method: 'PUT', headers: ticket.headers, body: Buffer.from('x') });
    expect(fits.status).toBe(200);
    expect(await store.head(key)).toEqual({ size: 1, contentType: 'application/octet-stream' });
  });

  it('refuses URLs after they expired', async () => {
    const key = `${prefix()}/old.txt`;
    await store.put(key, Buffer.from('kept'), { contentType: 'text/plain' });
    const get = await store.signedGetUrl(key, { expiresInSeconds: 1 });
    const put = await store.signedPutUrl(`${key}.new`, { contentType: 'text/plain', maxBytes: 'late'.length, expiresInSeconds: 1 });
    await sleep(2_100);
    expect((await fetch(get)).status).toBe(403);
    expect((await fetch(put.url, { method: 'PUT', headers: put.headers, body: 'late' })).status).toBe(403);
    expect(await store.head(`${key}.new`)).toBeNull();
  });

  it('refuses a URL used for another object or another method', async () => {
    const base = prefix();
    await store.put(`${base}/mine.txt`, Buffer.from('mine'), { contentType: 'text/plain' });
    await store.put(`${base}/theirs.txt`, Buffer.from('theirs'), { contentType: 'text/plain' });
    const get = new URL(await store.signedGetUrl(`${base}/mine.txt`, { expiresInSeconds: 60 }));
    get.pathname = get.pathname.replace('mine.txt', 'theirs.txt');
    expect((await fetch(get)).status).toBe(403);

    const put = await store.signedPutUrl(`${base}/upload.txt`, { contentType: 'text/plain', maxBytes: 'overwritten'.length, expiresInSeconds: 60 });
    const elsewhere = new URL(put.url);
    elsewhere.pathname = elsewhere.pathname.replace('upload.txt', 'theirs.txt');
    expect((await fetch(elsewhere, { method: 'PUT', headers: put.headers, body: 'overwritten' })).status).toBe(403);
    expect(await text((await store.get(`${base}/theirs.txt`))!)).toBe('theirs');

    // a download URL does not upload
    const readOnly = await store.signedGetUrl(`${base}/mine.txt`, { expiresInSeconds: 60 });
    expect((await fetch(readOnly, { method: 'PUT', headers: { 'content-type': 'text/plain' }, body: 'x' })).status).toBe(403);
    expect(await text((await store.get(`${base}/mine.txt`))!)).toBe('mine');
  });

  it('refuses a URL whose signature or terms were tampered with', async () => {
    const key = `${prefix()}/secret.txt`;
    await store.put(key, Buffer.from('secret'), { contentType: 'text/plain' });
    const url = new URL(await store.signedGetUrl(key, { expiresInSeconds: 60 }));
    const signature = url.searchParams.get(fixture.signatureParameter)!;
    expect(signature).toBeTruthy();

    const forged = new URL(url);
    forged.searchParams.set(fixture.signatureParameter, `${signature.slice(0, -2)}${signature.endsWith('00') ? '11' : '00'}`);
    expect((await fetch(forged)).status).toBe(403);

    const unsigned = new URL(url);
    unsigned.searchParams.delete(fixture.signatureParameter);
    expect((await fetch(unsigned)).status).toBe(403);

    // a later expiry than the signed one
    const extended = new URL(url);
    const expiryParameter = [...url.searchParams.keys()].find((name) => /expires/i.test(name))!;
    extended.searchParams.set(expiryParameter, String(Number(url.searchParams.get(expiryParameter)) + 3600));
    expect((await fetch(extended)).status).toBe(403);

    expect((await fetch(url)).status).toBe(200);
  });
});

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}
