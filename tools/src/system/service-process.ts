import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { answers, waitUntil } from './wait-until.js';

const tsxLoader = createRequire(import.meta.url).resolve('tsx');

export interface ServiceSpec {
  /** Short name used as the log prefix: `command`, `relay`, `query-projector`, … */
  readonly name: string;
  /** Absolute path of the service's `main.ts`. */
  readonly entry: string;
  readonly env: Record<string, string>;
  /** Its ops server (`OPS_PORT`): `/health/ready` answering 200 means the service is up. */
  readonly opsPort: number;
}

/**
 * One service run as its own OS process (as in production), so a test can `kill -9` it and start it again.
 * Its output goes to ours, each line prefixed with its name.
 */
/** How a process ended: its exit code, or the signal that ended it. */
export interface ProcessExit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

export class ServiceProcess {
  private child: ChildProcess | undefined;
  private exited: Promise<void> = Promise.resolve();
  /** Set by `stop`/`kill`: an exit we asked for is not a crash. */
  private stopping = false;
  private readonly crashListeners = new Set<(exit: ProcessExit) => void>();

  constructor(readonly spec: ServiceSpec, private readonly output: NodeJS.WritableStream | null = process.stderr) {}

  get readyUrl(): string {
    return `http://127.0.0.1:${this.spec.opsPort}/health/ready`;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** Running now (started and not exited). */
  get running(): boolean {
    return this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null;
  }

  /**
   * Calls `listener` whenever the process exits without `stop` or `kill` having asked it to (a crash, an OOM
   * kill, someone's `kill -9`). Returns the function that stops listening.
   */
  onCrash(listener: (exit: ProcessExit) => void): () => void {
    this.crashListeners.add(listener);
    return () => this.crashListeners.delete(listener);
  }

  async start(timeoutMs = 60_000): Promise<void> {
    this.stopping = false;
    const child = spawn(process.execPath, ['--import', tsxLoader, this.spec.entry], {
      env: { ...process.env, ...this.spec.env, OPS_PORT: String(this.spec.opsPort) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
    child.once('exit', (code, signal) => {
      if (this.stopping || this.child !== child) return;
      for (const listener of [...this.crashListeners]) listener({ code, signal });
    });
    this.pipe(child);
    let exitCode: number | null = null;
    child.once('exit', (code) => (exitCode = code ?? -1));
    await waitUntil(`${this.spec.name} to become ready at ${this.readyUrl}`, async () => {
      if (exitCode !== null) throw new Error(`${this.spec.name} exited with code ${exitCode} during start-up`);
      return answers(this.readyUrl);
    }, timeoutMs, 150);
  }

  /** Abrupt death: no shutdown hooks, no flush, like a node crash or OOM kill. */
  async kill(): Promise<void> {
    this.stopping = true;
    this.child?.kill('SIGKILL');
    await this.exited;
  }

  /** Graceful stop (SIGTERM), bounded; falls back to SIGKILL. */
  async stop(timeoutMs = 10_000): Promise<void> {
    this.stopping = true;
    if (!this.running) return;
    this.child!.kill('SIGTERM');
    const timer = setTimeout(() => this.child?.kill('SIGKILL'), timeoutMs);
    await this.exited;
    clearTimeout(timer);
  }

  private pipe(child: ChildProcess): void {
    const prefix = `[${this.spec.name}] `;
    for (const stream of [child.stdout, child.stderr]) {
      let partial = '';
      stream?.on('data', (chunk: Buffer) => {
        const lines = (partial + chunk.toString()).split('\n');
        partial = lines.pop() ?? '';
        if (this.output) for (const line of lines) this.output.write(prefix + line + '\n');
      });
    }
  }
}
