import type { ObjectStore } from './object-store.js';
import type { ObjectStoreConfig } from './object-store-config.js';
import { DiskObjectStore } from './disk/disk-object-store.js';
import { S3ObjectStore } from './s3/s3-object-store.js';

/** The adapter the configuration names: S3 (distributed mode) or the local disk (embedded). */
export function createObjectStore(config: ObjectStoreConfig): ObjectStore {
  switch (config.kind) {
    case 's3':
      return new S3ObjectStore(config);
    case 'disk':
      return new DiskObjectStore(config);
    default: {
      const unknown: never = config;
      throw new Error(`unknown object store ${JSON.stringify(unknown)}`);
    }
  }
}
