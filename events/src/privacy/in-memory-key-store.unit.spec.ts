import { keyStoreContract } from '../testing/key-store-contract.js';
import { InMemoryKeyStore } from './in-memory-key-store.js';

// The Postgres adapter runs the same contract (libs/event-log, keys/key-store.contract.int.spec.ts).
keyStoreContract('in memory', () => Promise.resolve({ store: new InMemoryKeyStore() }));
