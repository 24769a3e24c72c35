import { authConfigShape } from '@mindflow/auth';
import { keyStoreConfigSchema } from '@mindflow/event-log';
import { modeSchema, port } from '@mindflow/platform';
import { z } from 'zod';
import { mediaConfigShape } from '../config/media-config.js';

/** The media subgraph's environment (docs/CONVENTIONS.md, "Configuration"). */
export const mediaSubgraphConfigSchema = z.object({
  MEDIA_SUBGRAPH_PORT: port(4006),
  /** Loopback unless a deployment says otherwise: only the gateway (and, embedded, the browser's uploads) reach it. */
  MEDIA_SUBGRAPH_HOST: z.string().default('127.0.0.1'),
  MINDFLOW_MODE: modeSchema,
  ...mediaConfigShape,
  INTERNAL_CALLER_SECRET: authConfigShape.INTERNAL_CALLER_SECRET,
  /** exportJournal reads the journal and its entries through the query subgraph, as the caller (EXPORT.md). */
  QUERY_SUBGRAPH_URL: z.string().default('http://127.0.0.1:4001/graphql'),
  /** exportAccount reads each kind of record from the subgraph that owns it, as the caller (EXPORT.md, "Account export"). */
  IDENTITY_SUBGRAPH_URL: z.string().default('http://127.0.0.1:4002/graphql'),
  INSIGHTS_SUBGRAPH_URL: z.string().default('http://127.0.0.1:4004/graphql'),
  NOTIFICATIONS_SUBGRAPH_URL: z.string().default('http://127.0.0.1:4005/graphql'),
  OPS_PORT: port(0),
  /** Embedded: the key store's default home (crypto-shredding: AttachmentAdded's file name is sealed). */
  WRITE_DATABASE_URL: z.string().min(1).optional(),
  ...keyStoreConfigSchema.shape,
});

export type MediaSubgraphConfig = z.infer<typeof mediaSubgraphConfigSchema>;
