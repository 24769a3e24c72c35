import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testServers, uniqueBucketName } from '@mindflow/testing';
import type { ObjectStore } from '../object-store.js';
import { DiskObjectStore } from '../disk/disk-object-store.js';
import { diskObjectHandler } from '../disk/disk-object-handler.js';
import { S3ObjectStore } from '../s3/s3-object-store.js';

export interface StoreFixture {
  store: ObjectStore;
  /** The query parameter that carries the URL's signature. */
  signatureParameter: string;
  dispose(): Promise<void>;
}

export type StoreFactory = () => Promise<StoreFixture>;

/** A bucket of its own on the real S3-compatible server (tools/infra's S3Proxy, or MINDFLOW_TEST_S3_URL). */
export const s3Store: StoreFactory = async () => {
  const endpoint = await (await testServers()).s3();
  const store = new S3ObjectStore({ kind: 's3', bucket: uniqueBucketName('objects'), forcePathStyle: true, ...endpoint });
  await store.ensureBucket();
  return {
    store,
    signatureParameter: 'X-Amz-Signature',
    dispose: async () => {
      const keys: string[] = [];
      for await (const object of store.list('')) keys.push(object.key);
      await store.delete(keys);
      await store.deleteBucket();
      store.close();
    },
  };
};

/** A temporary folder, served by diskObjectHandler on a loopback port as a service would mount it. */
export const diskStore: StoreFactory = async () => {
  const directory = await mkdtemp(join(tmpdir(), 'mindflow-objects-'));
  const { store, close } = await servedDiskStore(directory);
  return {
    store,
    signatureParameter: 'X-Signature',
    dispose: async () => {
      await close();
      await rm(directory, { recursive: true, force: true });
    },
  };
};

export async function servedDiskStore(directory: string, options: { now?: () => number } = {}) {
  // The store's URLs name the server's port, so the handler is mounted once the server listens.
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const store = new DiskObjectStore(
    { kind: 'disk', directory, publicUrl: `http://127.0.0.1:${port}/objects`, signingKey: 'test-signing-key-0123456789' },
    options,
  );
  const handle = diskObjectHandler(store);
  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    void handle(request, response).then((handled) => {
      if (!handled) response.writeHead(404).end();
    });
  });
  return {
    store,
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
