import { Autosave, SaveConflict, SaveRejected, type Timer } from './autosave';

/** A timer the test fires by hand. */
function manualTimer() {
  let pending: (() => void) | undefined;
  const timer: Timer = { set: (cb) => (pending = cb), clear: () => (pending = undefined) };
  return { timer, fire: () => { const cb = pending; pending = undefined; cb?.(); }, get armed() { return pending !== undefined; } };
}

function deferred() {
  let resolve!: () => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<void>((res, rej) => { resolve = res; reject = rej; });
  return { promise, resolve, reject };
}

describe('Autosave', () => {
  it('saves the latest draft once after the delay, then reports saved', async () => {
    const saved: string[] = [];
    const clock = manualTimer();
    const autosave = new Autosave<string>(async (d) => { saved.push(d); }, 500, clock.timer);
    autosave.change('a');
    autosave.change('ab');
    expect(autosave.state()).toBe('unsaved');
    clock.fire();
    await autosave.flush();
    expect(saved).toEqual(['ab']);
    expect(autosave.state()).toBe('saved');
  });

  it('saves a change made during a save right after it, never two at once', async () => {
    const calls: string[] = [];
    const gates = [deferred(), deferred()];
    let running = 0;
    let maxRunning = 0;
    const autosave = new Autosave<string>(async (d) => {
      running++;
      maxRunning = Math.max(maxRunning, running);
      calls.push(d);
      await gates[calls.length - 1]!.promise;
      running--;
    }, 500, manualTimer().timer);
    autosave.change('first');
    const flushing = autosave.flush();
    expect(autosave.state()).toBe('saving');
    autosave.change('second');
    gates[0]!.resolve();
    gates[1]!.resolve();
    await flushing;
    await autosave.flush();
    expect(calls).toEqual(['first', 'second']);
    expect(maxRunning).toBe(1);
    expect(autosave.state()).toBe('saved');
  });

  it('stops on a conflict until resumed with the chosen draft', async () => {
    const calls: string[] = [];
    let conflict = true;
    const autosave = new Autosave<string>(async (d) => {
      calls.push(d);
      if (conflict) throw new SaveConflict();
    }, 500, manualTimer().timer);
    autosave.change('mine');
    await autosave.flush();
    expect(autosave.state()).toBe('conflict');
    autosave.change('mine, more');
    await autosave.flush();
    expect(calls).toEqual(['mine']);
    conflict = false;
    await autosave.resume('mine, more');
    expect(calls).toEqual(['mine', 'mine, more']);
    expect(autosave.state()).toBe('saved');
  });

  it('holds for a conflict found outside a save, even while one runs, until resumed', async () => {
    const saved: string[] = [];
    const clock = manualTimer();
    const gate = deferred();
    const autosave = new Autosave<string>(async (d) => { saved.push(d); await gate.promise; }, 500, clock.timer);
    autosave.change('a');
    clock.fire();
    autosave.change('ab');
    autosave.conflict();
    expect(clock.armed).toBe(false);
    gate.resolve();
    await autosave.flush();
    expect(saved).toEqual(['a']);
    expect(autosave.state()).toBe('conflict');
    autosave.change('abc');
    expect(autosave.state()).toBe('conflict');
    await autosave.resume('abc');
    expect(saved).toEqual(['a', 'abc']);
    expect(autosave.state()).toBe('saved');
  });

  it('keeps a failed draft and retries it on flush', async () => {
    let fail = true;
    const calls: string[] = [];
    const autosave = new Autosave<string>(async (d) => {
      calls.push(d);
      if (fail) throw new Error('offline');
    }, 500, manualTimer().timer);
    autosave.change('text');
    await autosave.flush();
    expect(autosave.state()).toBe('retrying');
    fail = false;
    await autosave.flush();
    expect(calls).toEqual(['text', 'text']);
    expect(autosave.state()).toBe('saved');
  });

  it('retries a failed save by itself, backing off, until it goes through', async () => {
    let failuresLeft = 3;
    const calls: string[] = [];
    const delays: number[] = [];
    const clock = manualTimer();
    const timer: Timer = { set: (cb, ms) => { delays.push(ms); return clock.timer.set(cb, ms); }, clear: clock.timer.clear };
    const autosave = new Autosave<string>(async (d) => {
      calls.push(d);
      if (failuresLeft-- > 0) throw new Error('offline');
    }, 500, timer);
    autosave.change('text');
    clock.fire();
    for (let attempt = 0; attempt < 3; attempt++) {
      await vi.waitFor(() => expect(autosave.state()).toBe('retrying'));
      expect(clock.armed).toBe(true);
      clock.fire();
    }
    await vi.waitFor(() => expect(autosave.state()).toBe('saved'));
    expect(calls).toEqual(['text', 'text', 'text', 'text']);
    expect(delays).toEqual([500, 1000, 2000, 4000]);
    expect(clock.armed).toBe(false);
  });

  it('tries again at once when the network is back (retryNow)', async () => {
    let fail = true;
    const calls: string[] = [];
    const clock = manualTimer();
    const autosave = new Autosave<string>(async (d) => {
      calls.push(d);
      if (fail) throw new Error('offline');
    }, 500, clock.timer);
    autosave.change('text');
    await autosave.flush();
    expect(autosave.state()).toBe('retrying');
    fail = false;
    autosave.retryNow();
    await vi.waitFor(() => expect(autosave.state()).toBe('saved'));
    expect(calls).toEqual(['text', 'text']);
    expect(clock.armed).toBe(false);
  });

  it('does not resend a rejected draft; the next change is saved', async () => {
    const calls: string[] = [];
    const clock = manualTimer();
    const autosave = new Autosave<string>(async (d) => {
      calls.push(d);
      if (d.length > 5) throw new SaveRejected({ code: 'BAD_USER_INPUT', field: 'title' });
    }, 500, clock.timer);
    autosave.change('too long');
    await autosave.flush();
    expect(autosave.state()).toBe('rejected');
    expect(clock.armed).toBe(false);
    autosave.retryNow();
    await autosave.flush();
    expect(calls).toEqual(['too long']);
    autosave.change('short');
    await autosave.flush();
    expect(calls).toEqual(['too long', 'short']);
    expect(autosave.state()).toBe('saved');
  });

  it('schedules nothing more once disposed', async () => {
    const clock = manualTimer();
    const autosave = new Autosave<string>(async () => { throw new Error('offline'); }, 500, clock.timer);
    autosave.change('text');
    autosave.dispose();
    expect(clock.armed).toBe(false);
    await autosave.flush();
    expect(autosave.state()).toBe('retrying');
    expect(clock.armed).toBe(false);
  });

  it('settle drops what is pending', async () => {
    const calls: string[] = [];
    const clock = manualTimer();
    const autosave = new Autosave<string>(async (d) => { calls.push(d); }, 500, clock.timer);
    autosave.change('discard me');
    autosave.settle();
    expect(clock.armed).toBe(false);
    await autosave.flush();
    expect(calls).toEqual([]);
    expect(autosave.state()).toBe('idle'); // nothing was saved, so it must not say so
  });
});
