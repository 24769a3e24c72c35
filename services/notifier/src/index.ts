// The notifier service: its process entry is `main.ts`; the role itself lives in @mindflow/notifications
// (the gateway plays it in-process in embedded mode).
export { startNotifier, type RunningNotifierService } from './start-notifier.js';
export { notifierConfigSchema, notifierGroup, type NotifierConfig } from './config.js';
