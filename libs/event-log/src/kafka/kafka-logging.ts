import type { Logger } from '@mindflow/platform';
import { logLevel, type logCreator } from 'kafkajs';

/** Routes kafkajs's own logs into the process's structured log (warnings and errors only: it is chatty). */
export function kafkaLogCreator(log: Logger): logCreator {
  return () => ({ level, log: entry }) => {
    const { message, ...rest } = entry;
    if (level === logLevel.ERROR) log.error({ kafka: rest }, message);
    else if (level === logLevel.WARN) log.warn({ kafka: rest }, message);
  };
}
