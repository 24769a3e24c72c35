export { MasterKeyWrapper, type KeyWrapper } from './key-wrapper.js';
export { keyStoreMigrations } from './key-store-migrations.js';
export { PgKeyStore } from './pg-key-store.js';
export { devMasterKey, devMasterKeyWarning, keyStoreConfigSchema, keyStoreDatabaseUrl, openKeyStore, type KeyStoreConfig, type OpenKeyStore } from './open-key-store.js';
