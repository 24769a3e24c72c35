import { pino, type DestinationStream, type Logger, type LoggerOptions } from 'pino';
import { currentLogContext } from './tracing/log-context.js';
import { currentTraceIds } from './tracing/spans.js';

export type { Logger };

/**
 * Structured JSON logs (pino). Entry and thought text is private: whatever key carries it is redacted,
 * so a careless `log.info({ event })` cannot leak a journal into the logs. A line written while a request
 * or event is handled carries its `correlationId` (`withLogContext`) and, with tracing on, the active
 * span's `traceId` and `spanId`.
 */
export function createLogger(service: string, level = process.env['LOG_LEVEL'] ?? 'info', destination?: DestinationStream): Logger {
  const options: LoggerOptions = {
    name: service,
    level,
    base: { service },
    mixin: logContextFields,
    redact: {
      paths: ['*.content', '*.text', '*.password', '*.payload.content', '*.payload.text', 'payload.content', 'payload.text'],
      censor: '[redacted]',
    },
  };
  return destination ? pino(options, destination) : pino(options);
}

function logContextFields(_merge: object, _level: number, logger: Logger): Record<string, string> {
  const context = currentLogContext();
  const ids = currentTraceIds();
  if (!context && !ids) return {};
  const fields: Record<string, string> = { ...ids };
  // A child logger bound to the id already writes it: do not write the key twice.
  if (context && !('correlationId' in logger.bindings())) fields['correlationId'] = context.correlationId;
  return fields;
}
