// A bundled role run the way its image runs it: `node <role>.mjs`, from a folder outside the repository
// (so nothing can resolve from the workspace's node_modules), with only the environment a container gets.
import { spawn, type ChildProcess } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';

export class BundledProcess {
  private child: ChildProcess | undefined;
  private exited: Promise<number> = Promise.resolve(0);
  /** The signal that ended the process, if one did. */
  signal: NodeJS.Signals | null = null;
  readonly output: string[] = [];

  constructor(readonly name: string, readonly bundle: string, readonly env: Record<string, string>, readonly opsPort?: number) {}

  private spawn(): ChildProcess {
    const child = spawn(process.execPath, [this.bundle], {
      cwd: '/',
      env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin', NODE_ENV: 'production', ...this.env, ...(this.opsPort ? { OPS_PORT: String(this.opsPort) } : {}) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    for (const stream of [child.stdout, child.stderr]) stream?.on('data', (chunk: Buffer) => this.output.push(chunk.toString()));
    this.child = child;
    this.exited = new Promise((resolve) =>
      child.once('exit', (code, signal) => {
        this.signal = signal;
        resolve(code ?? -1);
      }),
    );
    return child;
  }

  /** Runs to completion (a one-shot role such as migrate); resolves with its exit code. */
  async run(timeoutMs = 60_000): Promise<number> {
    const child = this.spawn();
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    const code = await this.exited;
    clearTimeout(timer);
    return code;
  }

  /** Starts a long-running role and waits until its /health/ready answers 200. */
  async start(timeoutMs = 60_000): Promise<number> {
    const started = Date.now();
    this.spawn();
    let exitCode: number | undefined;
    void this.exited.then((code) => (exitCode = code));
    while (Date.now() - started < timeoutMs) {
      if (exitCode !== undefined) throw new Error(`${this.name} exited with ${exitCode} during start-up:\n${this.output.join('')}`);
      if ((await this.ready()) === 200) return Date.now() - started;
      await sleep(100);
    }
    throw new Error(`${this.name} not ready after ${timeoutMs} ms:\n${this.output.join('')}`);
  }

  /** Status of GET /health/ready, or 0 when nothing answers. */
  async ready(): Promise<number> {
    return fetch(`http://127.0.0.1:${this.opsPort}/health/ready`, { signal: AbortSignal.timeout(1_000) }).then((r) => r.status, () => 0);
  }

  /**
   * SIGTERM, as Kubernetes and `docker stop` send; SIGKILL after `timeoutMs`. Resolves with how it ended:
   * `exit 0` (its own shutdown ran), `SIGTERM` (it let the signal end it, after its handlers) or `SIGKILL`.
   */
  async stop(timeoutMs = 10_000): Promise<string> {
    if (!this.child || this.child.exitCode !== null || this.child.signalCode !== null) return 'not running';
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child?.kill('SIGKILL'), timeoutMs);
    const code = await this.exited;
    clearTimeout(timer);
    return this.signal ?? `exit ${code}`;
  }
}
