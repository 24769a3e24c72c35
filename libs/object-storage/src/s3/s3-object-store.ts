import type { ObjectStore } from '../object-store.js';
import type { ObjectStoreConfig } from '../object-store-config.js';

type S3Config = Extract<ObjectStoreConfig, { kind: 's3' }>;

export class S3ObjectStore implements ObjectStore {
  constructor(readonly config: S3Config) {}
  put(): Promise<void> { return notYet(); }
  get(): Promise<NodeJS.ReadableStream | null> { return notYet(); }
  head(): Promise<{ size: number; contentType: string } | null> { return notYet(); }
  delete(): Promise<void> { return notYet(); }
  list(): AsyncIterable<{ key: string; size: number }> { throw new Error('S3ObjectStore: not implemented yet'); }
  signedPutUrl(): Promise<{ url: string; headers: Record<string, string> }> { return notYet(); }
  signedGetUrl(): Promise<string> { return notYet(); }
}

function notYet<T>(): Promise<T> {
  return Promise.reject(new Error('S3ObjectStore: not implemented yet'));
}
