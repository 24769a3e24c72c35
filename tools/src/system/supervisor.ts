import { backoffDelay, type BackoffPolicy } from '@mindflow/platform';
import type { ProcessExit, ServiceProcess } from './service-process.js';

/** What the supervisor knows of one role. */
export interface RoleStatus {
  readonly name: string;
  /** `up`: running (live; after a restart, ready may follow later: /health/ready, the gateway's role list); `restarting`: died, a restart is scheduled or starting; `crash-looping`: the same, too often. */
  readonly state: 'up' | 'restarting' | 'crash-looping' | 'stopped';
  readonly pid: number | undefined;
  /** Restarts since the supervisor started. */
  readonly restarts: number;
  /** How it last died, e.g. `signal SIGKILL` or `exit code 1`. */
  readonly lastExit?: string;
  readonly lastExitAt?: string;
}

export interface SupervisorOptions {
  /** Where restarts and crash loops are told (the launcher's console). */
  readonly log: (line: string) => void;
  /** Delay before each restart of a role (doubles, with jitter). Default 500 ms up to 15 s. */
  readonly backoff?: BackoffPolicy;
  /** A role that dies `count` times within `windowMs` is reported as crash-looping (and still restarted). */
  readonly crashLoop?: { readonly count: number; readonly windowMs: number };
  /** Called whenever a role's state changes (e.g. to write a status file). */
  readonly onChange?: (status: readonly RoleStatus[]) => void;
  /** How long one restart may take to become ready. Default 60 s. */
  readonly startTimeoutMs?: number;
  /**
   * Liveness, as Kubernetes probes it: every `intervalMs` each role that is up is asked `/health/live`; one that
   * answers not live (non-2xx, e.g. a projector stopped while events wait) `failures` times in a row is killed
   * (SIGKILL) and restarted as a crash. No answer is not counted (a busy machine; a dead process is seen by its
   * exit). Default every 10 s, 3 failures; `false`: not probed.
   */
  readonly liveness?: { readonly intervalMs: number; readonly failures: number } | false;
}

interface Role {
  readonly service: ServiceProcess;
  state: RoleStatus['state'];
  restarts: number;
  /** Consecutive failed restarts or crashes soon after one: the backoff's attempt number. */
  attempt: number;
  recentCrashes: number[];
  lastExit?: string;
  lastExitAt?: string;
  timer?: NodeJS.Timeout;
  starting: boolean;
  upSince: number;
  /** Consecutive answers "not live" from its current process. */
  notLive: number;
  /** Why the supervisor killed it (not live), told as its exit. */
  killedFor?: string;
}

/**
 * Restarts the roles of a running system when they die, as a process manager (systemd, Kubernetes) would: each
 * restart after a backoff, logged with how the role died, a role that keeps dying reported as crash-looping. A
 * role stopped through `ServiceProcess.stop` / `kill` (a drill, a shutdown) is not restarted.
 */
export class Supervisor {
  private readonly roles = new Map<string, Role>();
  private readonly unlisten: (() => void)[] = [];
  private stopped = false;
  private readonly backoff: BackoffPolicy;
  private readonly crashLoop: { count: number; windowMs: number };
  private probing: NodeJS.Timeout | undefined;

  constructor(services: ReadonlyMap<string, ServiceProcess>, private readonly options: SupervisorOptions) {
    this.backoff = options.backoff ?? { initialMs: 500, maxMs: 15_000 };
    this.crashLoop = options.crashLoop ?? { count: 5, windowMs: 60_000 };
    for (const [name, service] of services) {
      const role: Role = { service, state: service.running ? 'up' : 'stopped', restarts: 0, attempt: 0, recentCrashes: [], starting: false, upSince: Date.now(), notLive: 0 };
      this.roles.set(name, role);
      this.unlisten.push(service.onCrash((exit) => this.crashed(name, role, exit)));
    }
    const liveness = options.liveness ?? { intervalMs: 10_000, failures: 3 };
    if (liveness) {
      let probing = false;
      this.probing = setInterval(() => {
        if (probing) return; // a round still waiting for answers: no second one on top
        probing = true;
        void this.probe(liveness.failures).finally(() => (probing = false));
      }, liveness.intervalMs);
      this.probing.unref();
    }
  }

  /** Asks every role that is up whether it is live; kills one that said no `failures` times in a row. */
  private async probe(failures: number): Promise<void> {
    await Promise.all([...this.roles].map(async ([name, role]) => {
      if (this.stopped || role.state !== 'up' || role.starting || !role.service.running) return;
      const pid = role.service.pid;
      const answer = await fetch(role.service.liveUrl, { signal: AbortSignal.timeout(5_000) })
        .then(async (res) => ({ ok: res.ok, status: res.status, body: (await res.text()).slice(0, 200) }))
        .catch(() => undefined);
      if (!answer || this.stopped || role.service.pid !== pid || role.state !== 'up') return; // no answer: not counted
      if (answer.ok) {
        role.notLive = 0;
        return;
      }
      role.notLive += 1;
      if (role.notLive < failures || pid === undefined) return;
      role.notLive = 0;
      role.killedFor = `not live (${answer.status} ${answer.body})`;
      this.options.log(`${name} answered not live ${failures} times in a row (${answer.status} ${answer.body}); killing it (pid ${pid})`);
      try {
        process.kill(pid, 'SIGKILL'); // from outside, as Kubernetes would: its exit is a crash, restarted as one
      } catch {
        role.killedFor = undefined; // already gone: its exit tells why
      }
    }));
  }

  status(): RoleStatus[] {
    return [...this.roles].map(([name, role]) => ({
      name,
      state: role.state,
      pid: role.service.running ? role.service.pid : undefined,
      restarts: role.restarts,
      ...(role.lastExit ? { lastExit: role.lastExit, lastExitAt: role.lastExitAt } : {}),
    }));
  }

  /** Stops supervising (before the system stops, so its exits are not restarted). */
  stop(): void {
    this.stopped = true;
    clearInterval(this.probing);
    for (const unlisten of this.unlisten.splice(0)) unlisten();
    for (const role of this.roles.values()) clearTimeout(role.timer);
  }

  private crashed(name: string, role: Role, exit: ProcessExit): void {
    if (this.stopped || role.starting) return; // died while starting: `restart` handles it
    const now = Date.now();
    role.lastExit = exit.signal ? `signal ${exit.signal}` : `exit code ${exit.code}`;
    if (role.killedFor) role.lastExit = `${role.lastExit}: ${role.killedFor}`;
    role.killedFor = undefined;
    role.notLive = 0;
    role.lastExitAt = new Date(now).toISOString();
    role.recentCrashes = [...role.recentCrashes.filter((at) => now - at < this.crashLoop.windowMs), now];
    // A role that had been up for a while starts its backoff over; one that dies right after a restart does not.
    if (now - role.upSince > this.backoff.maxMs * 2) role.attempt = 0;
    this.schedule(name, role);
  }

  private schedule(name: string, role: Role): void {
    role.attempt += 1;
    const looping = role.recentCrashes.length >= this.crashLoop.count;
    role.state = looping ? 'crash-looping' : 'restarting';
    const delay = backoffDelay(role.attempt, this.backoff);
    this.options.log(
      looping
        ? `${name} is crash-looping: died ${role.recentCrashes.length} times in ${Math.round(this.crashLoop.windowMs / 1000)} s (last: ${role.lastExit}); restarting in ${(delay / 1000).toFixed(1)} s`
        : `${name} died (${role.lastExit}); restarting in ${(delay / 1000).toFixed(1)} s`,
    );
    this.changed();
    role.timer = setTimeout(() => void this.restart(name, role), delay);
    role.timer.unref();
  }

  private async restart(name: string, role: Role): Promise<void> {
    role.timer = undefined;
    if (this.stopped) return;
    const began = Date.now();
    role.starting = true;
    try {
      // Live, not ready: a restarted projector is not ready until it caught up with what it missed, which may take
      // longer than any start-up bound; killing it for that (as a readiness wait did) made it crash-loop without
      // ever catching up (found by the soak drill). Kubernetes, too, restarts on liveness, not readiness.
      await role.service.start(this.options.startTimeoutMs ?? 60_000, 'live');
    } catch (error) {
      role.starting = false;
      if (this.stopped) return;
      role.lastExit = `failed to start: ${error instanceof Error ? error.message : String(error)}`;
      role.recentCrashes = [...role.recentCrashes, Date.now()];
      await role.service.kill().catch(() => undefined); // half-started: not left holding its ports
      this.schedule(name, role);
      return;
    }
    role.starting = false;
    if (this.stopped) return;
    role.restarts += 1;
    role.state = 'up';
    role.upSince = Date.now();
    this.options.log(`${name} is back up (pid ${role.service.pid}, live in ${((Date.now() - began) / 1000).toFixed(1)} s; restart ${role.restarts})`);
    this.changed();
  }

  private changed(): void {
    this.options.onChange?.(this.status());
  }
}
