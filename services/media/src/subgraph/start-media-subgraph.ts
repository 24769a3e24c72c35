import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { createPool, ensureDatabase, type Pool } from '@mindflow/db';
import { keyStoreDatabaseUrl, openKeyStore, type OpenKeyStore } from '@mindflow/event-log';
import { createObjectStore, diskObjectHandler, DiskObjectStore, S3ObjectStore, type ObjectStore } from '@mindflow/object-storage';
import { createLogger, pause, type Logger } from '@mindflow/platform';
import { serveSubgraphHttp, subgraphHandler, type RunningSubgraph, type SubgraphDefinition, type SubgraphHandler, type SubgraphHttpRoute } from '@mindflow/subgraph';
import { migrateMediaDatabase } from '../adapters/pg/media-migrations.js';
import { jsonExportWriter } from '../adapters/export/json-export-writer.js';
import { markdownZipExportWriter } from '../adapters/export/markdown-zip-export-writer.js';
import { pdfExportWriter } from '../adapters/export/pdf-export-writer.js';
import { pgMediaStore } from '../adapters/pg/pg-media-store.js';
import { querySubgraphExportSource } from '../adapters/query/query-subgraph-export-source.js';
import { subgraphsAccountExportSource } from '../adapters/subgraphs/subgraphs-account-export-source.js';
import { zipArchive } from '../adapters/export/zip-archive.js';
import { mediaFileProcessor } from '../adapters/processing/media-file-processor.js';
import type { MediaProcessor } from '../application/ports/media-processor.js';
import { mediaSettingsOf, objectStoreConfigOf } from '../config/media-config.js';
import { pgAttachmentReader } from './attachment-reader.js';
import { mediaSubgraphConfigSchema, type MediaSubgraphConfig } from './config.js';
import { buildContext, type MediaContext } from './context.js';
import { unauthenticated } from './errors.js';
import { resolvers } from './resolvers.js';

/** The SDL file, which the gateway's composition reads too. */
export const mediaSchemaPath = join(import.meta.dirname, 'schema.graphql');

/** Where the disk store's signed URLs are served on the subgraph's port (embedded mode). */
export const objectsPath = '/objects';

export interface RunningMediaSubgraph extends RunningSubgraph {
  readonly pool: Pool;
  readonly objects: ObjectStore;
  /** `http://host:port` of the subgraph's port (GraphQL at /graphql, the disk store's objects at /objects). */
  readonly origin: string;
}

export interface MediaSubgraphDependencies {
  readonly log?: Logger;
  readonly now?: () => Date;
  readonly processor?: MediaProcessor;
}

/**
 * The media subgraph over HTTP, reading and writing the media DB (which it migrates first, so it can start before
 * the projector). With the disk store (embedded mode) the same port serves the signed object URLs at /objects
 * (OBJECT_STORE_PUBLIC_URL, by default this port's origin + /objects): uploads and downloads never pass through
 * the gateway. Every GraphQL caller must be one the gateway vouches for, `_entities` included.
 */
export async function startMediaSubgraph(
  input: Partial<MediaSubgraphConfig> = {},
  dependencies: MediaSubgraphDependencies = {},
): Promise<RunningMediaSubgraph> {
  const config = mediaSubgraphConfigSchema.parse(input);
  const log = dependencies.log ?? createLogger('media-subgraph');
  const now = dependencies.now ?? (() => new Date());
  await ensureDatabase(config.MEDIA_DATABASE_URL);
  // The data keys AttachmentAdded's personal fields are sealed with (crypto-shredding): embedded, the write DB's
  // (the media DB when no write DB is named: the launcher makes them one); distributed, KEY_STORE_DATABASE_URL.
  const keyDatabase = keyStoreDatabaseUrl(config, config.WRITE_DATABASE_URL ?? config.MEDIA_DATABASE_URL);
  const keyStore: OpenKeyStore | undefined = keyDatabase === undefined ? undefined : await openKeyStore({ ...config, databaseUrl: keyDatabase }, { log });
  const pool = createPool(config.MEDIA_DATABASE_URL, { applicationName: 'media-subgraph' });
  // Made once the port is known (the disk store's URLs start with its origin); nothing reads it before.
  let objects: ObjectStore | undefined;
  const subgraphUrls = {
    query: config.QUERY_SUBGRAPH_URL,
    identity: config.IDENTITY_SUBGRAPH_URL,
    insights: config.INSIGHTS_SUBGRAPH_URL,
    notifications: config.NOTIFICATIONS_SUBGRAPH_URL,
  };
  let diskRoute: SubgraphHttpRoute | undefined;
  const definition: SubgraphDefinition<MediaContext> = {
    name: 'media-subgraph',
    schemaPath: mediaSchemaPath,
    resolvers,
    context: (req) =>
      buildContext(req.headers, {
        log,
        callerSecret: config.INTERNAL_CALLER_SECRET,
        store: pgMediaStore(pool, keyStore?.keys),
        attachments: pgAttachmentReader(pool),
        objects: objects!,
        processor: dependencies.processor ?? mediaFileProcessor(),
        settings: mediaSettingsOf(config),
        now,
        newId: randomUUID,
        pause,
        exportSource: ({ caller, consistentWith, correlationId }) =>
          querySubgraphExportSource({ url: config.QUERY_SUBGRAPH_URL, callerSecret: config.INTERNAL_CALLER_SECRET, caller, consistentWith, correlationId, pool }),
        exportWriters: { JSON: jsonExportWriter, MARKDOWN: markdownZipExportWriter, PDF: pdfExportWriter },
        accountExportSource: ({ caller, consistentWith, correlationId }) =>
          subgraphsAccountExportSource({ urls: subgraphUrls, callerSecret: config.INTERNAL_CALLER_SECRET, caller, consistentWith, correlationId, pool }),
        exportArchive: zipArchive,
      }),
    unauthenticated,
  };
  let handler: SubgraphHandler | undefined;
  let http: Awaited<ReturnType<typeof serveSubgraphHttp>> | undefined;
  try {
    await migrateMediaDatabase(pool);
    handler = await subgraphHandler(definition, { log });
    http = await serveSubgraphHttp({
      name: 'media-subgraph',
      host: config.MEDIA_SUBGRAPH_HOST,
      port: config.MEDIA_SUBGRAPH_PORT,
      subgraph: handler,
      routes: (req, res, url) => (diskRoute && url.pathname.startsWith(`${objectsPath}/`) ? diskRoute(req, res, url) : false),
      log,
    });
    const store = createObjectStore(objectStoreConfigOf(config, { publicUrl: `${http.origin}${objectsPath}` }));
    if (store instanceof DiskObjectStore) diskRoute = diskObjectHandler(store);
    // A first start against an empty S3-compatible server (tests, compose) makes the bucket; one that exists is kept.
    if (store instanceof S3ObjectStore) await store.ensureBucket();
    objects = store;
    log.info({ url: `${http.origin}/graphql`, objectStore: config.OBJECT_STORE }, 'media-subgraph listening');
    const running = handler;
    const server = http;
    return {
      url: `${http.origin}/graphql`,
      origin: http.origin,
      pool,
      objects: store,
      async close() {
        await server.close();
        await running.stop();
        await pool.end();
        await keyStore?.close();
      },
    };
  } catch (error) {
    await http?.close().catch(() => undefined);
    await handler?.stop().catch(() => undefined);
    await pool.end();
    await keyStore?.close();
    throw error;
  }
}
