// The outbox → Kafka relay process (roles relay, identity-relay, insights-relay: one per database with an
// outbox; WRITE_DATABASE_URL and RELAY_SOURCE say which): the relay, an ops server (ready while its database
// answers; metrics) and a graceful shutdown (runRole).
import { runRole } from '@mindflow/platform';
import { relayConfigSchema } from './relay-config.js';
import { startRelay } from './start-relay.js';

await runRole({
  name: 'relay',
  config: relayConfigSchema,
  tracingName: (config) => (config.RELAY_SOURCE === 'command' ? 'relay' : `${config.RELAY_SOURCE}-relay`),
  start: (config, { log, metrics }) => startRelay(config, { log, metrics }),
  ready: (relay) => ({ writeDb: () => relay.ready() }),
  started: { message: 'relay ready' },
});
