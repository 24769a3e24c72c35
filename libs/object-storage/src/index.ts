// Object storage behind one port (docs/CONVENTIONS.md, Object storage): S3 for distributed mode, the local disk
// with the same signed-URL contract for embedded mode.
export type {
  ObjectHead,
  ObjectListing,
  ObjectStore,
  SignedGetOptions,
  SignedPut,
  SignedPutOptions,
} from './object-store.js';
export { objectStoreConfigFromEnv, type ObjectStoreConfig } from './object-store-config.js';
export { createObjectStore } from './create-object-store.js';
export { S3ObjectStore } from './s3/s3-object-store.js';
export { DiskObjectStore } from './disk/disk-object-store.js';
export { diskObjectHandler } from './disk/disk-object-handler.js';
