// CPU time a process has used so far (user + system, from /proc/<pid>/stat): a benchmark reads it before and
// after a load to report CPU milliseconds per request, a figure that holds when other work shares the machine
// (latency and throughput do not: they measure the queue for the cores as much as the code).
import { readFileSync } from 'node:fs';

/** Clock ticks per second of /proc's utime and stime (USER_HZ: 100 on every Linux this runs on). */
const ticksPerSecond = 100;

/** The process's CPU time in ms (user + system), or undefined where /proc does not say (not Linux, exited). */
export function processCpuMs(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (in parentheses, which may hold spaces): state is field 3, utime 14, stime 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const utime = Number(fields[11]);
    const stime = Number(fields[12]);
    return Number.isFinite(utime) && Number.isFinite(stime) ? ((utime + stime) * 1000) / ticksPerSecond : undefined;
  } catch {
    return undefined;
  }
}

/** CPU time per process spent while `work` ran, keyed like `pids`. */
export async function cpuDuring<T, K extends string>(pids: Record<K, number | undefined>, work: () => Promise<T>): Promise<{ result: T; cpuMs: Partial<Record<K, number>> }> {
  const keys = Object.keys(pids) as K[];
  const before = keys.map((k) => processCpuMs(pids[k]));
  const result = await work();
  const cpuMs: Partial<Record<K, number>> = {};
  keys.forEach((k, i) => {
    const after = processCpuMs(pids[k]);
    const start = before[i];
    if (after !== undefined && start !== undefined) cpuMs[k] = after - start;
  });
  return { result, cpuMs };
}
