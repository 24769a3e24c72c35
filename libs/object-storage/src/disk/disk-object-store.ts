import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, opendir, rename, rm, rmdir, stat } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { ObjectHead, ObjectListing, ObjectStore, SignedGetOptions, SignedPut, SignedPutOptions } from '../object-store.js';
import type { ObjectStoreConfig } from '../object-store-config.js';
import { assertObjectKey, objectKeyProblem } from '../object-key.js';
import { encodeHeader, isMissing, openObjectFile } from './disk-object-file.js';
import { signGrant } from './disk-url-signature.js';

export type DiskObjectStoreConfig = Extract<ObjectStoreConfig, { kind: 'disk' }>;

/** Thrown by a limited put when the body is longer than allowed (the handler answers 413). */
export class ObjectTooLargeError extends Error {
  override readonly name = 'ObjectTooLargeError';
  constructor(readonly maxBytes: number) {
    super(`the object is larger than ${maxBytes} bytes`);
  }
}

/**
 * Object storage in a local folder (embedded mode): `<dir>/objects/<key>` holds each object, `<dir>/tmp` the
 * uploads in progress (renamed into place whole, on the same file system). Signed URLs point at the service
 * that mounts `diskObjectHandler` for this store (OBJECT_STORE_PUBLIC_URL).
 */
export class DiskObjectStore implements ObjectStore {
  readonly publicUrl: string;
  readonly signingKey: string;
  private readonly objectsDir: string;
  private readonly tmpDir: string;
  private readonly now: () => number;

  constructor(config: DiskObjectStoreConfig, options: { now?: () => number } = {}) {
    if (config.signingKey.length < 16) throw new Error('the disk object store needs a signing key of at least 16 characters');
    const root = resolve(config.directory);
    this.objectsDir = join(root, 'objects');
    this.tmpDir = join(root, 'tmp');
    this.publicUrl = config.publicUrl.replace(/\/+$/, '');
    this.signingKey = config.signingKey;
    this.now = options.now ?? Date.now;
  }

  /** Milliseconds since the epoch, as this store reads the clock (the handler checks expiry with it). */
  nowMs(): number {
    return this.now();
  }

  put(key: string, body: Buffer | NodeJS.ReadableStream, options: { contentType: string; contentLength?: number }): Promise<void> {
    return this.putLimited(key, body, options.contentType, Number.POSITIVE_INFINITY);
  }

  /** Writes the object whole or not at all; past `maxBytes` it stops and rejects with ObjectTooLargeError. */
  async putLimited(key: string, body: Buffer | NodeJS.ReadableStream, contentType: string, maxBytes: number): Promise<void> {
    const target = this.pathOf(key);
    await mkdir(this.tmpDir, { recursive: true });
    const temporary = join(this.tmpDir, `${randomUUID()}.part`);
    try {
      const header = encodeHeader({ contentType });
      const source = Buffer.isBuffer(body) ? [body] : (body as AsyncIterable<Buffer | string>);
      await pipeline(
        async function* () {
          yield header;
          let written = 0;
          for await (const chunk of source) {
            const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
            written += bytes.length;
            if (written > maxBytes) throw new ObjectTooLargeError(maxBytes);
            yield bytes;
          }
        },
        createWriteStream(temporary, { flags: 'wx', flush: true }),
      );
      await moveIntoPlace(temporary, target);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
  }

  async get(key: string): Promise<NodeJS.ReadableStream | null> {
    const file = await openObjectFile(this.pathOf(key));
    // The open handle keeps reading the same object even if it is replaced or deleted meanwhile.
    return file && file.handle.createReadStream({ start: file.bodyOffset, autoClose: true });
  }

  async head(key: string): Promise<ObjectHead | null> {
    const file = await openObjectFile(this.pathOf(key));
    if (!file) return null;
    await file.handle.close();
    return { size: file.size, contentType: file.header.contentType };
  }

  async delete(keys: string | readonly string[]): Promise<void> {
    const all = typeof keys === 'string' ? [keys] : [...keys];
    const paths = all.map((key) => this.pathOf(key));
    for (const path of paths) {
      try {
        await rm(path);
      } catch (error) {
        if (!isMissing(error)) throw error;
        continue;
      }
      await this.pruneEmptyFolders(dirname(path));
    }
  }

  async *list(prefix: string): AsyncIterable<ObjectListing> {
    // Start in the deepest folder the prefix names; a prefix no key can have lists nothing.
    const cut = prefix.lastIndexOf('/');
    const folder = cut < 0 ? '' : prefix.slice(0, cut);
    if (folder !== '' && objectKeyProblem(folder)) return;
    for await (const key of this.walk(folder === '' ? this.objectsDir : join(this.objectsDir, ...folder.split('/')), folder)) {
      if (!key.startsWith(prefix)) continue;
      const found = await this.head(key);
      if (!found) continue;
      // Objects are written whole to a temporary file, then renamed: its mtime is when the object was written.
      let modifiedAt: Date;
      try {
        modifiedAt = (await stat(this.pathOf(key))).mtime;
      } catch (error) {
        if (isMissing(error)) continue; // deleted meanwhile
        throw error;
      }
      yield { key, size: found.size, modifiedAt };
    }
  }

  signedPutUrl(key: string, options: SignedPutOptions): Promise<SignedPut> {
    return settled(() => {
      assertObjectKey(key);
      const expires = this.expiry(options.expiresInSeconds);
      const grant = { method: 'PUT', key, expires, contentType: options.contentType, maxBytes: options.maxBytes } as const;
      return { url: `${this.urlOf(key)}?${signGrant(grant, this.signingKey).toString()}`, headers: { 'content-type': options.contentType } };
    });
  }

  signedGetUrl(key: string, options: SignedGetOptions): Promise<string> {
    return settled(() => {
      assertObjectKey(key);
      const expires = this.expiry(options.expiresInSeconds);
      const query = signGrant({ method: 'GET', key, expires, downloadName: options.downloadName }, this.signingKey);
      return `${this.urlOf(key)}?${query.toString()}`;
    });
  }

  /** The file of a key, never outside the objects folder. */
  private pathOf(key: string): string {
    assertObjectKey(key);
    const path = join(this.objectsDir, ...key.split('/'));
    const inside = relative(this.objectsDir, path);
    if (inside === '' || inside.startsWith('..') || resolve(this.objectsDir, inside) !== path) {
      throw new Error(`invalid object key ${JSON.stringify(key.slice(0, 80))}: outside the store`);
    }
    return path;
  }

  private urlOf(key: string): string {
    return `${this.publicUrl}/${key.split('/').map(encodeURIComponent).join('/')}`;
  }

  private expiry(expiresInSeconds: number): number {
    if (!Number.isFinite(expiresInSeconds) || expiresInSeconds <= 0) throw new Error('expiresInSeconds must be positive');
    return Math.floor(this.now() / 1000) + Math.ceil(expiresInSeconds);
  }

  /**
   * Keys under `folder` in S3's order (UTF-8 byte order of the whole key): a folder's entries are sorted as
   * `name/` for folders and `name` for files, since every key inside folder `a` starts with `a/`.
   */
  private async *walk(path: string, keyPrefix: string): AsyncGenerator<string> {
    let entries: Array<{ name: string; folder: boolean }>;
    try {
      const found = [];
      for await (const entry of await opendir(path)) {
        if (entry.isDirectory() || entry.isFile()) found.push({ name: entry.name, folder: entry.isDirectory() });
      }
      entries = found;
    } catch (error) {
      if (isMissing(error)) return;
      throw error;
    }
    const sortName = (entry: { name: string; folder: boolean }) => Buffer.from(entry.folder ? `${entry.name}/` : entry.name);
    entries.sort((a, b) => Buffer.compare(sortName(a), sortName(b)));
    for (const entry of entries) {
      const key = keyPrefix === '' ? entry.name : `${keyPrefix}/${entry.name}`;
      if (entry.folder) yield* this.walk(join(path, entry.name), key);
      else yield key;
    }
  }

  /** Removes the folders a delete left empty, up to the objects folder (one that filled again meanwhile stays). */
  private async pruneEmptyFolders(folder: string): Promise<void> {
    let current = folder;
    while (current.startsWith(this.objectsDir + sep)) {
      try {
        await rmdir(current);
      } catch {
        return;
      }
      current = dirname(current);
    }
  }

  /** Whether the store's folder exists (for a readiness check). */
  async ready(): Promise<boolean> {
    await mkdir(this.objectsDir, { recursive: true });
    return (await stat(this.objectsDir)).isDirectory();
  }
}

/** Renames the finished file into place; a delete may prune the (empty) folder in between, so make it again. */
async function moveIntoPlace(temporary: string, target: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await mkdir(dirname(target), { recursive: true });
    try {
      await rename(temporary, target);
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || attempt >= 3) throw error;
    }
  }
}

/** The value as a settled promise, a throw as a rejection (callers of the port only ever see promises). */
function settled<T>(compute: () => T): Promise<T> {
  try {
    return Promise.resolve(compute());
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
}
