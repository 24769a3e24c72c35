// The media subgraph process: the GraphQL server (and, embedded, the disk store's signed URLs), an ops server whose
// readiness is "the media DB answers", and a graceful shutdown (runRole).
import { devCallerSecret } from '@mindflow/auth';
import { devCallerSecretWarning, runRole } from '@mindflow/platform';
import { devObjectSigningKey } from './config/media-config.js';
import { mediaSubgraphConfigSchema } from './subgraph/config.js';
import { startMediaSubgraph } from './subgraph/start-media-subgraph.js';

await runRole({
  name: 'media-subgraph',
  config: mediaSubgraphConfigSchema,
  warnings: (config) => [
    config.INTERNAL_CALLER_SECRET === devCallerSecret && devCallerSecretWarning,
    config.OBJECT_STORE === 'disk' && (config.OBJECT_STORE_SIGNING_KEY ?? devObjectSigningKey) === devObjectSigningKey &&
      'OBJECT_STORE_SIGNING_KEY is the dev default: set one before deploying',
  ],
  start: (config, { log }) => startMediaSubgraph(config, { log }),
  closeAs: 'media subgraph',
  ready: (subgraph) => ({ mediaDatabase: async () => (await subgraph.pool.query('SELECT 1')).rowCount === 1 }),
  started: { message: 'media subgraph ready', fields: (subgraph) => ({ url: subgraph.url }) },
});
