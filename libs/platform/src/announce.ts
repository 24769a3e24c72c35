/**
 * The line a process prints on stdout, when its parent asked with `MINDFLOW_ANNOUNCE_PORTS=1`, once a server of
 * it listens: `mindflow:listening OPS_PORT=41234`. A parent that passed port 0 (the operating system picks a
 * free one, no probe, no collision) reads the bound port back from it (tools/src/system/service-process.ts).
 */
export const listeningPrefix = 'mindflow:listening ';

export function announceListening(variable: string, value: string | number): void {
  if (process.env['MINDFLOW_ANNOUNCE_PORTS'] !== '1') return;
  process.stdout.write(`${listeningPrefix}${variable}=${value}\n`);
  endWithLauncher();
}

let launcherWatched = false;

/**
 * A process started by a launcher (it asked for the announcements: the test systems, `npm start`) ends with it:
 * once its parent is gone (killed, or a test worker that timed out and exited without stopping the system), it is
 * re-parented, and it stops as on SIGTERM instead of running on, unowned, holding ports and CPU.
 */
function endWithLauncher(): void {
  if (launcherWatched) return;
  launcherWatched = true;
  const launcher = process.ppid;
  const watch = setInterval(() => {
    if (process.ppid === launcher) return;
    clearInterval(watch);
    process.kill(process.pid, 'SIGTERM');
    setTimeout(() => process.kill(process.pid, 'SIGKILL'), 15_000).unref(); // its closers hung
  }, 1_000);
  watch.unref();
}
