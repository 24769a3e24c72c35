// The drills' quick profile, as CI runs it: every drill, in distributed mode (its own Kafka broker and read
// DB, so crashing them touches nobody else), under a short steady load with 5 s outages, must end with
// nothing lost, nothing applied twice, nothing left parked, the read DB equal to the write DB entity by entity,
// and no stored object without its attachment row nor such a row without its object. No timing assertions:
// recovery times are reported (RELIABILITY.md), not judged here.
import { describe, expect, it } from 'vitest';
import { drills } from './drills.js';
import { runDrills, type DrillRun } from './run-drills.js';

// Every distributed drill, then the soak's quick profile (60 s, 2 roles killed and restarted by the supervisor: ~65 s more).
const distributedDrills = [...drills.filter((d) => d.modes.includes('distributed') && !d.explicit).map((d) => d.name), 'soak'];

describe('fault drills, quick profile', () => {
  let run: DrillRun | undefined;

  it('runs every drill under load to completion', async () => {
    run = await runDrills({ profile: 'quick', modes: ['distributed'], only: distributedDrills, log: () => undefined });
    expect(run.errors).toEqual([]);
    expect(run.results.map((r) => r.drill)).toEqual(distributedDrills);
  }, 900_000); // 144 s here at load average 4, 353 s at 30: bounded generously for the shared 2-core machine

  it.each(distributedDrills)('%s: nothing lost, nothing applied twice, reconciliation clean', (name) => {
    const result = run?.results.find((r) => r.drill === name);
    expect(result, `${name} produced no result`).toBeDefined();
    const { accounting, load } = result!;
    expect(load.ok, 'commands answered under load').toBeGreaterThan(0);
    expect(accounting.written).toBeGreaterThan(0);
    expect(accounting.delivered).toBeGreaterThanOrEqual(accounting.written);
    expect(accounting.applied).toBe(accounting.written);
    expect(accounting.duplicatesApplied).toBe(0);
    expect(accounting.lost).toBe(0);
    expect(accounting.parked).toBe(0);
    for (const side of accounting.reconciliation) {
      expect(side.compared, side.readSide).toBeGreaterThan(0);
      expect(side.examples, side.readSide).toEqual([]);
    }
    // The load attached photos: the media DB's rows and the stored objects agree.
    expect(result!.attachments?.attachments, 'attachments reconciled').toBeGreaterThan(0);
    expect(result!.attachments).toMatchObject({ objectsWithoutRow: 0, rowsWithoutObject: 0 });
    expect(result!.recoverMs, 'the read side caught up after the fault').toBeDefined();
    expect(result!.failures).toEqual([]);
  });

  it('the poison drill parked the poison with its later events while other aggregates kept flowing, then redrove them', () => {
    const poison = run?.results.find((r) => r.drill === 'poison-event');
    expect(poison?.notes).toMatchObject({ parkedLetters: 3, redriveApplied: 3, redriveStillParked: 0 });
    expect(Number(poison?.notes['othersAppliedWhileParked'])).toBeGreaterThan(0);
  });

  it('the soak drill killed roles from outside and the supervisor brought each back', () => {
    const soak = run?.results.find((r) => r.drill === 'soak');
    expect(Number(soak?.notes['kills'])).toBe(2);
    expect(Number(soak?.notes['restartsSeen'])).toBeGreaterThanOrEqual(2);
    expect(soak?.notes['killed']).not.toContain('not back');
  });

  it('the notifications drill killed the scheduler mid-firing and every reminder fired exactly once after its restart', () => {
    const crash = run?.results.find((r) => r.drill === 'kill-notifications');
    expect(Number(crash?.notes['openFiringTransactionsAtKill'])).toBeGreaterThan(0);
    expect(Number(crash?.notes['committedAtKill'])).toBeLessThan(Number(crash?.notes['remindersDue']));
    expect(crash?.notes).toMatchObject({ remindersLost: 0, remindersFiredTwice: 0, notificationsWithoutEvent: 0 });
  });

  it('the rebuild drill rebuilt the projection from the log and swapped it in', () => {
    const rebuild = run?.results.find((r) => r.drill === 'rebuild');
    expect(Number(rebuild?.notes['rebuiltEvents'])).toBeGreaterThan(0);
  });
});
