import { Autosave, SaveConflict, type Timer } from './autosave';

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

  it('keeps a failed draft and retries it on flush', async () => {
    let fail = true;
    const calls: string[] = [];
    const autosave = new Autosave<string>(async (d) => {
      calls.push(d);
      if (fail) throw new Error('offline');
    }, 500, manualTimer().timer);
    autosave.change('text');
    await autosave.flush();
    expect(autosave.state()).toBe('error');
    fail = false;
    await autosave.flush();
    expect(calls).toEqual(['text', 'text']);
    expect(autosave.state()).toBe('saved');
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
    expect(autosave.state()).toBe('saved');
  });
});
