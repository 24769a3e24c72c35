import type { Logger } from 'pino';

type Closer = { name: string; close: () => Promise<void> | void };

/**
 * Graceful shutdown: closers run in reverse registration order (stop taking work first, close pools last),
 * each bounded in time so one stuck dependency cannot keep the process alive.
 */
export class Shutdown {
  private readonly closers: Closer[] = [];
  private running: Promise<void> | undefined;

  constructor(private readonly log: Logger, private readonly timeoutMs = 10_000) {}

  add(name: string, close: Closer['close']): void {
    this.closers.push({ name, close });
  }

  /** Installs SIGINT/SIGTERM handlers that run `close()` and exit. */
  onSignals(): void {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.once(signal, () => {
        this.log.info({ signal }, 'shutting down');
        void this.close().finally(() => process.exit(0));
      });
    }
  }

  close(): Promise<void> {
    this.running ??= this.runClosers();
    return this.running;
  }

  private async runClosers(): Promise<void> {
    for (const closer of [...this.closers].reverse()) {
      const timeout = new Promise<void>((resolve) => setTimeout(resolve, this.timeoutMs).unref());
      try {
        await Promise.race([Promise.resolve(closer.close()), timeout]);
      } catch (error) {
        this.log.warn({ err: error, closer: closer.name }, 'closer failed');
      }
    }
  }
}
