import { modeSchema } from '@mindflow/platform';
import { z } from 'zod';

/** The gateway's environment for live subscriptions (docs/CONVENTIONS.md, "Configuration"). */
export const subscriptionsConfigShape = {
  /** `distributed`: notifications arrive from the notifier through Redis; `embedded`: the gateway notifies in-process. */
  MINDFLOW_MODE: modeSchema,
  REDIS_URL: z.string().default('redis://127.0.0.1:6379'),
  REDIS_KEY_PREFIX: z.string().default('mindflow:'),
  /** embedded mode: the gateway follows the outbox itself (consumer group `<KAFKA_TOPIC_PREFIX>.notifier`). */
  KAFKA_TOPIC_PREFIX: z.string().default('mindflow'),
  WRITE_DATABASE_URL: z.string().default('postgres://postgres@127.0.0.1:5432/mindflow_write'),
  READ_DATABASE_URL: z.string().default('postgres://postgres@127.0.0.1:5432/mindflow_read'),
  /** Operations one WebSocket may run at once; one more is refused with RATE_LIMITED. */
  GATEWAY_MAX_SUBSCRIPTIONS_PER_CONNECTION: z.coerce.number().int().min(1).default(50),
  /**
   * How often the gateway pings each WebSocket; a socket that has not answered the previous ping by the next one
   * is dead (a phone that lost its network, a half-open TCP connection, a client that stopped reading) and is
   * terminated. 0: no heartbeat.
   */
  GATEWAY_WS_PING_MS: z.coerce.number().int().min(0).default(30_000),
  /**
   * Bytes one WebSocket may have waiting to be sent (ws `bufferedAmount`: its client reads slower than its results
   * come). A result due on a socket past this closes it with 4008 (slow consumer) instead of buffering more; the
   * client reconnects and reads the current state. 0: no limit.
   */
  GATEWAY_WS_MAX_BUFFERED_BYTES: z.coerce.number().int().min(0).default(4 * 1_048_576),
};
