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
export class ServiceProcess {
  private child: ChildProcess | undefined;
  private exited: Promise<void> = Promise.resolve();

  constructor(readonly spec: ServiceSpec, private readonly output: NodeJS.WritableStream | null = process.stderr) {}

  get readyUrl(): string {
    return `http://127.0.0.1:${this.spec.opsPort}/health/ready`;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  async start(timeoutMs = 60_000): Promise<void> {
    const child = spawn(process.execPath, ['--import', tsxLoader, this.spec.entry], {
      env: { ...process.env, ...this.spec.env, OPS_PORT: String(this.spec.opsPort) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
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
    this.child?.kill('SIGKILL');
    await this.exited;
  }

  /** Graceful stop (SIGTERM), bounded; falls back to SIGKILL. */
  async stop(timeoutMs = 10_000): Promise<void> {
    if (!this.child || this.child.exitCode !== null) return;
    this.child.kill('SIGTERM');
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
