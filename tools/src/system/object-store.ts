// The object store a running system's media service keeps its objects in (the disk directory in embedded mode,
// the S3 bucket when started with `s3`), opened through @mindflow/object-storage's port with the media subgraph's
// own settings: what the security suites and the drills look into, never the directory or the bucket directly.
import { createObjectStore, objectStoreConfigFromEnv, type ObjectStore } from '@mindflow/object-storage';
import type { RunningSystem } from './system.js';

export function systemObjectStore(system: RunningSystem): ObjectStore {
  const env = system.services.get('media-subgraph')?.spec.env;
  if (!env) throw new Error('this system runs no media-subgraph');
  // Used to list, head and read: the URLs it could sign are never handed out, so the disk store's key is a stand-in
  // unless the system set its own (OBJECT_STORE_SIGNING_KEY wins).
  return createObjectStore(objectStoreConfigFromEnv(env, { signingKey: 'tools-object-store-signs-nothing' }));
}
