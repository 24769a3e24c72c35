// The outbox → Kafka relay: one service, run once per database that has an outbox (`relay` over the command
// write DB, `identity-relay`, `insights-relay`), each a process of its own (`main.ts`).
export { startRelay, type RunningRelay } from './start-relay.js';
export { relayConfigSchema, type RelayConfig } from './relay-config.js';
