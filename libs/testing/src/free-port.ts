import { createServer } from 'node:net';

/**
 * A TCP port on 127.0.0.1 that was free a moment ago (the OS picks it), for servers a test starts itself.
 * `freePort` of `@mindflow/platform` is the one; this library cannot re-export it (the platform's tests use this
 * library: a cycle). Kept until services/query's projector readiness spec imports the platform's; then delete it.
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
