import type { Logger, Mode } from '@mindflow/platform';
import { createInProcessBus } from './in-process-bus.js';
import type { NotificationBus } from './notification-bus.js';
import { createRedisBus } from './redis-bus.js';

export interface NotificationBusConfig {
  /** `MINDFLOW_MODE`: `distributed` fans out through Redis, `embedded` in-process. */
  readonly mode: Mode;
  readonly redisUrl: string;
  readonly redisKeyPrefix: string;
  readonly log: Logger;
}

/** Picks the bus adapter the configuration asks for (DESIGN.md, "Two ways to run"). */
export function createNotificationBus(config: NotificationBusConfig): NotificationBus {
  return config.mode === 'distributed'
    ? createRedisBus({ url: config.redisUrl, keyPrefix: config.redisKeyPrefix, log: config.log })
    : createInProcessBus(config.log);
}
