/** How long and how hard the drills run. `quick` keeps them working in CI; `full` makes RELIABILITY.md's figures. */
export interface DrillProfile {
  readonly name: 'quick' | 'full';
  /** Writers (users with a journal) and commands per second each: the steady load. */
  readonly writers: number;
  readonly perWriterPerSecond: number;
  /** Photos each writer attaches during a drill's load (what the attachments reconciliation compares). */
  readonly attachmentsPerWriter: number;
  /** Load before the fault. */
  readonly warmupMs: number;
  /** A killed process stays dead this long before it is started again. */
  readonly deadMs: number;
  /** Kafka down, read DB down. */
  readonly outageMs: number;
  /** Load after the fault ended. */
  readonly afterMs: number;
  /** Longest the read side may take to catch up once the load stopped. */
  readonly settleMs: number;
  /** The soak drill: how long it runs, how often it kills a random role, how soon each must be ready again (quick: a
   *  generous bound for the shared CI machine, only that it came back; full: the 10 s of issue 13). */
  readonly soak: { readonly durationMs: number; readonly killEveryMs: number; readonly backWithinMs: number };
}

export const drillProfiles: Record<DrillProfile['name'], DrillProfile> = {
  quick: { name: 'quick', writers: 2, perWriterPerSecond: 3, attachmentsPerWriter: 2, warmupMs: 2_000, deadMs: 2_000, outageMs: 5_000, afterMs: 3_000, settleMs: 90_000,
    soak: { durationMs: 60_000, killEveryMs: 30_000, backWithinMs: 30_000 } },
  full: { name: 'full', writers: 4, perWriterPerSecond: 3, attachmentsPerWriter: 5, warmupMs: 10_000, deadMs: 10_000, outageMs: 30_000, afterMs: 15_000, settleMs: 300_000,
    soak: { durationMs: 20 * 60_000, killEveryMs: 120_000, backWithinMs: 10_000 } },
};
