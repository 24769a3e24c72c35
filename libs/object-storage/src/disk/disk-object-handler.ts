import type { IncomingMessage, ServerResponse } from 'node:http';
import type { DiskObjectStore } from './disk-object-store.js';

/**
 * The HTTP face of the disk store's signed URLs: a service mounts it (node:http) at OBJECT_STORE_PUBLIC_URL's
 * path. Answers true when it handled the request, false when the path is not its own.
 */
export function diskObjectHandler(
  _store: DiskObjectStore,
): (request: IncomingMessage, response: ServerResponse) => Promise<boolean> {
  return () => Promise.reject(new Error('diskObjectHandler: not implemented yet'));
}
