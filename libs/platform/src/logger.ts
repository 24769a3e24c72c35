import { pino, type Logger } from 'pino';

export type { Logger };

/**
 * Structured JSON logs (pino). Entry and thought text is private: whatever key carries it is redacted,
 * so a careless `log.info({ event })` cannot leak a journal into the logs.
 */
export function createLogger(service: string, level = process.env['LOG_LEVEL'] ?? 'info'): Logger {
  return pino({
    name: service,
    level,
    base: { service },
    redact: {
      paths: ['*.content', '*.text', '*.password', '*.payload.content', '*.payload.text', 'payload.content', 'payload.text'],
      censor: '[redacted]',
    },
  });
}
