// The soak drill (issue 13): a long steady load while a random role is killed (`kill -9`, from outside, as a
// crash or an OOM kill would) every `killEveryMs`. Nobody in the drill restarts it: the launcher's supervisor
// (`tools/src/system/supervisor.ts`, what `npm start` and `npm run start:distributed` run) must notice and
// restart it. Each kill is timed from the signal to the role's `/health/ready` answering 200 again from its new
// process; the drill's usual accounting (runDrill) then proves nothing was lost or applied twice.
import { setTimeout as sleep } from 'node:timers/promises';
import type { ServiceProcess } from '../system/index.js';
import type { Drill, DrillContext, FaultNotes } from './drills.js';

export interface SoakKill {
  readonly role: string;
  /** ms since the soak began */
  readonly atMs: number;
  /** kill → its new process live (`/health/live` 200): restarted by the supervisor; undefined: not within the bound */
  readonly backMs: number | undefined;
  /** kill → ready again (`/health/ready` 200: a projector also caught up with what it missed) */
  readonly readyMs: number | undefined;
}

/** Never waits longer than this for one role to come back (the drill then reports it). */
const giveUpMs = 60_000;

export const soakDrill: Drill = {
  name: 'soak',
  title: 'steady load for a long time, a random role killed every interval, restarted by the supervisor',
  proves: 'a role that dies under load is restarted by the supervisor within seconds, and nothing its death interrupted is lost or applied twice',
  modes: ['distributed', 'embedded'],
  explicit: true,
  fault: soak,
};

async function soak({ env, profile, log }: DrillContext): Promise<FaultNotes> {
  const supervisor = env.system.supervisor;
  if (!supervisor) throw new Error('the soak drill needs a supervised system (startSystem({ supervise }))');
  const { durationMs, killEveryMs, backWithinMs } = profile.soak;
  const seed = Number(process.env['SOAK_SEED'] ?? Date.now() % 1_000_000);
  const random = mulberry32(seed);
  // SOAK_ROLES=a,b,…: kill these, in this order (to look at one role's restart); otherwise every role, shuffled.
  const chosen = process.env['SOAK_ROLES']?.split(',').map((role) => role.trim()).filter(Boolean);
  const unknown = chosen?.filter((role) => !env.system.services.has(role)) ?? [];
  if (unknown.length > 0) throw new Error(`SOAK_ROLES names roles this system does not run: ${unknown.join(', ')} (it runs ${[...env.system.services.keys()].join(', ')})`);
  const roles = chosen && chosen.length > 0 ? chosen : shuffle([...env.system.services.keys()], random);
  log(`soak: ${Math.round(durationMs / 1000)} s, a role killed every ${Math.round(killEveryMs / 1000)} s (seed ${seed}; order ${roles.join(', ')})`);
  const began = performance.now();
  const kills: SoakKill[] = [];
  for (let i = 0; ; i++) {
    const at = killEveryMs / 2 + i * killEveryMs;
    if (at >= durationMs) break;
    const wait = at - (performance.now() - began);
    if (wait > 0) await sleep(wait);
    const role = roles[i % roles.length]!;
    const service = env.service(role);
    const pid = service.pid;
    if (!pid || !service.running) throw new Error(`${role} is not running before its kill`);
    const killedAt = performance.now();
    process.kill(pid, 'SIGKILL'); // from outside: for the supervisor this is a crash
    const backMs = await timeBack(service, pid, killedAt, 'live');
    const readyMs = backMs === undefined ? undefined : await timeBack(service, pid, killedAt, 'ready');
    kills.push({ role, atMs: Math.round(killedAt - began), backMs, readyMs });
    log(`soak: killed ${role} (pid ${pid}) at ${Math.round((killedAt - began) / 1000)} s; ${backMs === undefined ? `NOT back within ${giveUpMs / 1000} s` : `back (live) in ${(backMs / 1000).toFixed(1)} s, ready in ${readyMs === undefined ? `more than ${giveUpMs / 1000} s` : `${(readyMs / 1000).toFixed(1)} s`} (pid ${service.pid})`}`);
  }
  const rest = durationMs - (performance.now() - began);
  if (rest > 0) await sleep(rest);
  const backs = kills.map((k) => k.backMs ?? Infinity);
  const maxBackMs = Math.max(...backs);
  const notes: FaultNotes = {
    kills: kills.length,
    maxBackMs: Number.isFinite(maxBackMs) ? Math.round(maxBackMs) : 'not back',
    meanBackMs: Math.round(backs.reduce((a, b) => a + b, 0) / Math.max(1, backs.length)),
    maxReadyMs: kills.every((k) => k.readyMs !== undefined) ? Math.max(...kills.map((k) => k.readyMs!)) : 'not all ready',
    killed: kills.map((k) => `${k.role} @${Math.round(k.atMs / 1000)}s ${k.backMs === undefined ? 'not back' : `live ${(k.backMs / 1000).toFixed(1)}s ready ${k.readyMs === undefined ? '>60s' : `${(k.readyMs / 1000).toFixed(1)}s`}`}`).join('; '),
    seed,
    restartsSeen: supervisor.status().reduce((sum, r) => sum + r.restarts, 0),
  };
  const late = kills.filter((k) => k.backMs === undefined || k.backMs > backWithinMs);
  if (late.length > 0) {
    throw Object.assign(new Error(`roles not restarted (live) within ${backWithinMs / 1000} s of their kill: ${late.map((k) => `${k.role} (${k.backMs === undefined ? 'never' : `${(k.backMs / 1000).toFixed(1)} s`})`).join(', ')}`), { notes });
  }
  return notes;
}

/** kill → the role's new process answers `/health/live` or `/health/ready` with 200 (polled every 100 ms). */
async function timeBack(service: ServiceProcess, oldPid: number, killedAt: number, what: 'live' | 'ready'): Promise<number | undefined> {
  while (performance.now() - killedAt < giveUpMs) {
    if (service.running && service.pid !== oldPid) {
      const ok = await fetch(what === 'live' ? service.liveUrl : service.readyUrl, { signal: AbortSignal.timeout(1_000) }).then((r) => r.ok, () => false);
      if (ok) return performance.now() - killedAt;
    }
    await sleep(100);
  }
  return undefined;
}

function shuffle<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

/** A small seeded PRNG, so a soak's kill order can be replayed (SOAK_SEED). */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
