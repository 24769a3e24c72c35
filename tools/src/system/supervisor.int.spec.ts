// The supervisor against real OS processes: killed from outside, a role comes back; a role that keeps dying is
// reported; roles stopped on purpose stay stopped.
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort } from '@mindflow/platform';
import { afterEach, describe, expect, it } from 'vitest';
import { ServiceProcess } from './service-process.js';
import { Supervisor, type RoleStatus, type SupervisorOptions } from './supervisor.js';
import { waitUntil } from './wait-until.js';

const fakeRole = join(import.meta.dirname, 'test', 'fake-role.ts');
const running: { supervisor: Supervisor; services: ServiceProcess[] }[] = [];

afterEach(async () => {
  for (const { supervisor, services } of running.splice(0)) {
    supervisor.stop();
    await Promise.all(services.map((s) => s.stop()));
  }
});

async function supervised(env: Record<string, string> = {}, startTimeoutMs?: number, liveness: SupervisorOptions['liveness'] = false) {
  const service = new ServiceProcess({ name: 'fake', entry: fakeRole, env, opsPort: await freePort() }, null);
  await service.start(60_000, 'live');
  const log: string[] = [];
  const changes: (readonly RoleStatus[])[] = [];
  const supervisor = new Supervisor(new Map([['fake', service]]), {
    log: (line) => void log.push(line),
    onChange: (status) => void changes.push(status),
    backoff: { initialMs: 100, maxMs: 400 },
    crashLoop: { count: 3, windowMs: 30_000 },
    ...(startTimeoutMs ? { startTimeoutMs } : {}),
    liveness,
  });
  running.push({ supervisor, services: [service] });
  return { service, supervisor, log, changes, role: () => supervisor.status()[0]! };
}

describe('supervisor', () => {
  it('restarts a role killed with SIGKILL from outside, within seconds, and says how it died', async () => {
    const { service, log, role, changes } = await supervised();
    const pid = service.pid!;
    const killedAt = Date.now();
    process.kill(pid, 'SIGKILL');
    await waitUntil('the role to be back up', () => role().state === 'up' && service.pid !== pid, 10_000, 20);
    expect(Date.now() - killedAt).toBeLessThan(10_000);
    expect(role()).toMatchObject({ name: 'fake', state: 'up', restarts: 1, lastExit: 'signal SIGKILL', pid: service.pid });
    expect(log[0]).toMatch(/^fake died \(signal SIGKILL\); restarting in \d+\.\d s$/);
    expect(log[1]).toMatch(/^fake is back up \(pid \d+, live in [\d.]+ s; restart 1\)$/);
    expect(changes.map((c) => c[0]!.state)).toEqual(['restarting', 'up']);
  });

  it('reports a role that keeps dying as crash-looping, and keeps restarting it', { timeout: 120_000 }, async () => {
    const { log, role } = await supervised({ DIE_AFTER_MS: '150' });
    await waitUntil('the role to be reported as crash-looping', () => role().state === 'crash-looping', 60_000, 20);
    expect(role().lastExit).toBe('exit code 3');
    expect(log.some((line) => /^fake is crash-looping: died 3 times in 30 s \(last: exit code 3\); restarting in/.test(line))).toBe(true);
    const restarts = role().restarts;
    await waitUntil('another restart', () => role().restarts > restarts, 30_000, 20);
  });

  it('leaves a role stopped on purpose (ServiceProcess.stop / kill) alone, and restarts nothing once stopped', async () => {
    const { service, supervisor, log, role } = await supervised();
    await service.stop();
    await sleep(500);
    expect(service.running).toBe(false);
    expect(log).toEqual([]);
    await service.start();
    supervisor.stop();
    process.kill(service.pid!, 'SIGKILL');
    await sleep(500);
    expect(service.running).toBe(false);
    expect(log).toEqual([]);
    expect(role().restarts).toBe(0);
  });

  it('does not kill a restarted role that is live but not ready yet (a projector catching up longer than the start bound)', async () => {
    const { service, log, role } = await supervised({ READY_AFTER_MS: '6000' }, 3_000);
    const pid = service.pid!;
    process.kill(pid, 'SIGKILL');
    await waitUntil('the fake role to be restarted', () => role().restarts === 1 && role().state === 'up', 20_000);
    const restartedPid = service.pid;
    await sleep(5_000); // past the 3 s start bound, still not ready: with a readiness wait it was killed and restarted again
    expect(service.pid).toBe(restartedPid);
    expect(role().restarts).toBe(1);
    expect(log.filter((line) => /failed to start/.test(line))).toEqual([]);
    await waitUntil('it to become ready once caught up', async () => (await fetch(service.readyUrl)).ok, 20_000);
  }, 60_000);

  it('kills and restarts a role that keeps answering not live (a consumer stopped while events wait), and says why', { timeout: 60_000 }, async () => {
    const { service, log, role } = await supervised({ NOT_LIVE_AFTER_MS: '300' }, undefined, { intervalMs: 100, failures: 3 });
    const pid = service.pid!;
    await waitUntil('the role to be restarted', () => role().restarts >= 1 && role().state === 'up' && service.pid !== pid, 30_000, 20);
    expect(role().lastExit).toBe('signal SIGKILL: not live (503 stalled)');
    expect(log[0]).toBe(`fake answered not live 3 times in a row (503 stalled); killing it (pid ${pid})`);
    expect(log[1]).toMatch(/^fake died \(signal SIGKILL: not live \(503 stalled\)\); restarting in/);
  });

  it('leaves a role that is live alone', async () => {
    const { service, log, role } = await supervised({}, undefined, { intervalMs: 50, failures: 2 });
    const pid = service.pid;
    await sleep(600);
    expect(role()).toMatchObject({ state: 'up', restarts: 0 });
    expect(service.pid).toBe(pid);
    expect(log).toEqual([]);
  });
});

