/**
 * The line a process prints on stdout, when its parent asked with `MINDFLOW_ANNOUNCE_PORTS=1`, once a server of
 * it listens: `mindflow:listening OPS_PORT=41234`. A parent that passed port 0 (the operating system picks a
 * free one, no probe, no collision) reads the bound port back from it (tools/src/system/service-process.ts).
 */
export const listeningPrefix = 'mindflow:listening ';

export function announceListening(variable: string, value: string | number): void {
  if (process.env['MINDFLOW_ANNOUNCE_PORTS'] === '1') process.stdout.write(`${listeningPrefix}${variable}=${value}\n`);
}
