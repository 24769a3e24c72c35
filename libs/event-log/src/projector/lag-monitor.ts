import type { Logger } from '@mindflow/platform';

/** When a projector counts as caught up (readiness), and how often it asks the log. */
export interface CaughtUpPolicy {
  /** Behind by more events than this: catching up. */
  readonly maxLagEvents: number;
  /** Behind by more time than this (see LagReading.ms): catching up. */
  readonly maxLagMs: number;
  readonly pollMs: number;
  /**
   * Liveness: events waiting and nothing finished for longer than this (wall clock) is a projector that has stopped
   * consuming — a consumer that cannot join or keeps crashing, a chunk that hangs — which only a restart of the
   * process may cure (`/health/live` fails). 0: never.
   */
  readonly maxStallMs: number;
}

export const defaultCaughtUpPolicy: CaughtUpPolicy = { maxLagEvents: 1_000, maxLagMs: 30_000, pollMs: 5_000, maxStallMs: 300_000 };

export interface LagReading {
  /** Events in the log the group has not committed (log end − committed). */
  readonly events: number;
  /**
   * How old the projection's view of the world is: 0 when nothing is waiting; else now − the newest
   * `occurredAt` among the events it has finished (applied, skipped or parked), or the last moment it was
   * seen with nothing waiting if that is later (so a quiet hour before one new event does not read as an
   * hour behind). Unknown until it has finished an event or been seen caught up.
   */
  readonly ms: number | undefined;
  /** When the reading was taken (epoch ms). */
  readonly at: number;
}

/**
 * Measures a projector's lag in events and milliseconds, on a timer (for readiness) and on demand (for
 * metrics, deduplicated), and says whether it is caught up. A reading older than three polls (the log
 * cannot be asked) does not count as caught up.
 */
export class LagMonitor {
  private freshAsOf: number | undefined;
  private last: LagReading | undefined;
  private inFlight: Promise<LagReading> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private caughtUp = false;
  /** When it last finished an event or was seen with nothing waiting (wall clock), or was made. */
  private progressAt: number;
  private stalled = false;

  /** The part of the last reading's events this member is to consume (see `Subscription.memberLag`). */
  private lastMine = 0;

  /** `countBehind`: the group's lag, or the group's and this member's part of it (`Subscription.memberLag`). */
  constructor(
    private readonly countBehind: () => Promise<number | { group: number; member: number }>,
    private readonly policy: CaughtUpPolicy,
    private readonly log?: Logger,
    private readonly now: () => number = Date.now,
    /** What its log lines call the consumer (the notifier uses it too). */
    private readonly subject = 'projector',
  ) {
    this.progressAt = now();
  }

  /** An event is finished: the projection has seen the world as of its `occurredAt`. */
  finished(occurredAt: string): void {
    this.progressAt = this.now();
    const at = Date.parse(occurredAt);
    if (Number.isFinite(at) && (this.freshAsOf === undefined || at > this.freshAsOf)) this.freshAsOf = at;
  }

  /** A reading no older than `maxAgeMs` (0: a new one). Concurrent callers share one question to the log. */
  measure(maxAgeMs = 0): Promise<LagReading> {
    if (this.last && maxAgeMs > 0 && this.now() - this.last.at <= maxAgeMs) return Promise.resolve(this.last);
    this.inFlight ??= this.take().finally(() => (this.inFlight = undefined));
    return this.inFlight;
  }

  isCaughtUp(): boolean {
    const reading = this.last;
    if (!reading || this.now() - reading.at > 3 * this.policy.pollMs) return false;
    return reading.events <= this.policy.maxLagEvents && (reading.ms === undefined || reading.ms <= this.policy.maxLagMs);
  }

  /**
   * Stopped while behind (see `CaughtUpPolicy.maxStallMs`): a fresh reading shows events waiting for this member
   * (on its partitions, or anywhere before it was assigned some), and nothing was
   * finished for longer than the bound since it started. Unknown (no fresh reading: the log cannot be asked) is not
   * stalled: a restart would not bring the log back.
   */
  isStalled(): boolean {
    const reading = this.last;
    if (this.policy.maxStallMs <= 0 || !reading) return false;
    if (this.now() - reading.at > 3 * this.policy.pollMs || this.lastMine === 0) return false;
    return this.now() - this.progressAt > this.policy.maxStallMs;
  }

  start(): void {
    const poll = () => void this.measure().catch((error: unknown) => this.log?.warn({ err: error }, `cannot measure ${this.subject} lag`));
    poll();
    this.timer = setInterval(poll, this.policy.pollMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  private async take(): Promise<LagReading> {
    const askedAt = this.now();
    const counted = await this.countBehind();
    const events = typeof counted === 'number' ? counted : counted.group;
    this.lastMine = typeof counted === 'number' ? counted : counted.member;
    // Nothing waiting for this member: everything it is to consume is done (its partitions caught up while others'
    // are not is no stall of its own).
    if (this.lastMine === 0) this.progressAt = askedAt;
    // Nothing was waiting when we asked: everything that happened before then is applied.
    if (events === 0 && (this.freshAsOf === undefined || askedAt > this.freshAsOf)) this.freshAsOf = askedAt;
    const at = this.now();
    const ms = events === 0 ? 0 : this.freshAsOf === undefined ? undefined : Math.max(0, at - this.freshAsOf);
    this.last = { events, ms, at };
    this.noteChange();
    return this.last;
  }

  private noteChange(): void {
    const stalled = this.isStalled();
    if (stalled !== this.stalled) {
      this.stalled = stalled;
      const { events } = this.last!;
      if (stalled) this.log?.error({ lagEvents: events, memberLagEvents: this.lastMine, sinceProgressMs: this.now() - this.progressAt, maxStallMs: this.policy.maxStallMs }, `${this.subject} stopped consuming while behind (not live)`);
      else this.log?.info({ lagEvents: events }, `${this.subject} consuming again`);
    }
    const caughtUp = this.isCaughtUp();
    if (caughtUp === this.caughtUp) return;
    this.caughtUp = caughtUp;
    const { events, ms } = this.last!;
    if (caughtUp) this.log?.info({ lagEvents: events, lagMs: ms }, `${this.subject} caught up`);
    else this.log?.warn({ lagEvents: events, lagMs: ms, ...this.policy }, `${this.subject} is catching up from far behind (not ready)`);
  }
}
