// The notifier process (distributed mode): the event log → Redis pub/sub, an ops server (ready once it consumes
// and Redis is up; metrics) and a graceful shutdown (runRole).
import { runRole } from '@mindflow/platform';
import { notifierConfigSchema } from './config.js';
import { startNotifier } from './start-notifier.js';

await runRole({
  name: 'notifier',
  config: notifierConfigSchema,
  warnings: (config) => [
    config.MINDFLOW_MODE === 'embedded' && 'embedded mode: the gateway notifies its subscribers in-process; this process would publish to nobody',
  ],
  start: (config, { log, metrics }) => startNotifier(config, { log, metrics }),
  ready: (notifier) => ({ consuming: () => notifier.isReady() }),
  // a consumer that stopped while events wait (kafkajs #1466): Kubernetes restarts the process
  live: (notifier) => ({ consuming: () => !notifier.isStalled() }),
  started: { message: 'notifier started', fields: (_, config) => ({ mode: config.MINDFLOW_MODE }) },
});
