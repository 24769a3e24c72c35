import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { listeningPrefix, repoRoot } from '@mindflow/platform';
import { roleBundleFor } from './role-bundles.js';
import { answers } from './wait-until.js';

const tsxLoader = createRequire(import.meta.url).resolve('tsx');

/**
 * V8's compiled code of every module a role loads, kept on disk between its starts (Node's module compile cache):
 * a role restarted after a crash skips compiling Apollo, kafkajs, pg and the rest again — most of what a restart
 * costs besides connecting. Measured at load 11–13 on 2 cores: loading the insights projector's modules 2.7–7.5 s
 * without, 1.7–4.0 s with (×0.55–0.9, RELIABILITY.md). A launcher's own `NODE_COMPILE_CACHE` wins.
 */
const compileCache = process.env['NODE_COMPILE_CACHE'] ?? join(repoRoot, '.cache', 'node-compile-cache');

export interface ServiceSpec {
  /** Short name used as the log prefix: `command`, `relay`, `query-projector`, … */
  readonly name: string;
  /** Absolute path of the service's `main.ts`. */
  readonly entry: string;
  readonly env: Record<string, string>;
  /**
   * Its ops server (`OPS_PORT`): `/health/ready` answering 200 means the service is up. 0: the operating system
   * picks it and the process announces it (libs/platform `announceListening`); a restart binds the same one
   * again, or a new one if it was taken meanwhile.
   */
  readonly opsPort: number;
}

/** A server of the process could not listen: its port was taken (`EADDRINUSE`) during start-up. */
export class PortInUseError extends Error {
  readonly code = 'EADDRINUSE';
  constructor(readonly service: string, readonly port: number | undefined, output: string) {
    super(`${service} could not listen: port ${port ?? '?'} is in use (EADDRINUSE)\n${output}`);
  }
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
  /** The ops port: the spec's, or (spec 0) the one the OS gave the last run; 0 until it is known. */
  private opsPort: number;
  /** The last lines it printed (for start-up errors). */
  private readonly tail: string[] = [];

  constructor(readonly spec: ServiceSpec, private readonly output: NodeJS.WritableStream | null = process.stderr) {
    this.opsPort = spec.opsPort;
  }

  /** Its `/health/ready` (with `opsPort` 0: known once it started). */
  get readyUrl(): string {
    return `http://127.0.0.1:${this.opsPort}/health/ready`;
  }

  /** Its `/health/live`: the process runs (a projector far behind is live and not ready until it caught up). */
  get liveUrl(): string {
    return `http://127.0.0.1:${this.opsPort}/health/live`;
  }

  /** The ops port it listens on (0 until known). */
  get boundOpsPort(): number {
    return this.opsPort;
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

  /**
   * Starts it and waits for `/health/ready`. Fails at once if it exits during start-up: with `PortInUseError` when
   * a port was taken (the caller may pick another). Its own ops port, reused from its last run and taken
   * meanwhile, is handled here: the OS picks a new one.
   */
  async start(timeoutMs = 60_000, until: 'ready' | 'live' = 'ready'): Promise<void> {
    try {
      await this.startOnce(timeoutMs, until);
    } catch (error) {
      if (!(error instanceof PortInUseError) || this.spec.opsPort !== 0 || error.port !== this.opsPort) throw error;
      this.opsPort = 0;
      await this.startOnce(timeoutMs, until);
    }
  }

  private async startOnce(timeoutMs: number, until: 'ready' | 'live'): Promise<void> {
    this.stopping = false;
    this.tail.length = 0;
    // The role's bundle when the test tier built them (role-bundles.ts), else its source through tsx.
    const bundle = roleBundleFor(this.spec.entry);
    const child = spawn(process.execPath, bundle ? [bundle] : ['--import', tsxLoader, this.spec.entry], {
      env: { NODE_COMPILE_CACHE: compileCache, ...process.env, ...this.spec.env, OPS_PORT: String(this.opsPort), MINDFLOW_ANNOUNCE_PORTS: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
    child.once('exit', (code, signal) => {
      if (this.stopping || this.child !== child) return;
      for (const listener of [...this.crashListeners]) listener({ code, signal });
    });
    // Set by the child's exit, which the loop below only sees through this object (a local `let` would look
    // forever null to the type checker, which does not follow the callback).
    const exit: { code?: number } = {};
    child.once('exit', (code) => (exit.code = code ?? -1));
    let announcedOps: number | undefined;
    this.pipe(child, (variable, value) => {
      if (variable === 'OPS_PORT') announcedOps = Number(value);
    });
    const deadline = Date.now() + timeoutMs;
    let lastError: string | undefined;
    for (;;) {
      if (exit.code !== undefined) {
        await new Promise((resolve) => setTimeout(resolve, 50)); // its last lines
        const output = this.tail.join('\n');
        const inUse = /EADDRINUSE[^\n]*?:(\d+)\b/.exec(output);
        if (inUse) throw new PortInUseError(this.spec.name, Number(inUse[1]), output);
        throw new Error(`${this.spec.name} exited with code ${exit.code} during start-up:\n${output}`);
      }
      // Only once this child said where it listens: until then the port (reused from its last run) may be
      // someone else's, whose /health/ready is not ours.
      if (announcedOps !== undefined) {
        this.opsPort = announcedOps;
        try {
          if (await answers(until === 'ready' ? this.readyUrl : this.liveUrl)) return;
        } catch (error) {
          lastError = String(error);
        }
      }
      if (Date.now() > deadline) {
        throw new Error(`timed out after ${timeoutMs} ms waiting for ${this.spec.name} to become ${until} at ${until === 'ready' ? this.readyUrl : this.liveUrl}${lastError ? `: ${lastError}` : ''}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
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

  private pipe(child: ChildProcess, announced: (variable: string, value: string) => void): void {
    const prefix = `[${this.spec.name}] `;
    for (const stream of [child.stdout, child.stderr]) {
      let partial = '';
      stream?.on('data', (chunk: Buffer) => {
        const lines = (partial + chunk.toString()).split('\n');
        partial = lines.pop() ?? '';
        for (const line of lines) {
          if (line.startsWith(listeningPrefix)) {
            const [variable, value] = line.slice(listeningPrefix.length).split('=');
            if (variable && value) announced(variable, value.trim());
            continue;
          }
          this.tail.push(line);
          if (this.tail.length > 40) this.tail.shift();
          this.output?.write(prefix + line + '\n');
        }
      });
    }
  }
}
