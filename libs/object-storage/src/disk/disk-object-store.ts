import type { ObjectStore } from '../object-store.js';
import type { ObjectStoreConfig } from '../object-store-config.js';

type DiskConfig = Extract<ObjectStoreConfig, { kind: 'disk' }>;

export class DiskObjectStore implements ObjectStore {
  constructor(readonly config: DiskConfig) {}
  put(): Promise<void> { return notYet(); }
  get(): Promise<NodeJS.ReadableStream | null> { return notYet(); }
  head(): Promise<{ size: number; contentType: string } | null> { return notYet(); }
  delete(): Promise<void> { return notYet(); }
  list(): AsyncIterable<{ key: string; size: number }> { throw new Error('DiskObjectStore: not implemented yet'); }
  signedPutUrl(): Promise<{ url: string; headers: Record<string, string> }> { return notYet(); }
  signedGetUrl(): Promise<string> { return notYet(); }
}

function notYet<T>(): Promise<T> {
  return Promise.reject(new Error('DiskObjectStore: not implemented yet'));
}
