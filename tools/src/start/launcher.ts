// What `npm start` and `npm run start:distributed` share once the system runs: supervision of its roles, a status
// file that `npm run status` reads, and a clean stop on Ctrl-C.
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { RoleStatus, RunningSystem, SupervisorOptions } from '../system/index.js';
import { repoRoot } from '../system/index.js';

/** Where a running launcher keeps its roles' states (`npm run status`). */
export const statusFile = join(repoRoot, '.cache', 'run', 'status.json');

export interface LauncherStatus {
  readonly mode: string;
  readonly launcherPid: number;
  readonly gatewayUrl: string;
  readonly appUrl?: string;
  readonly updatedAt: string;
  readonly roles: readonly RoleStatus[];
}

/** Supervision options that log to the console and keep the status file current. */
export function supervision(mode: string, urls: () => { gatewayUrl?: string; appUrl?: string }): SupervisorOptions {
  return {
    log: (line) => console.log(`[supervisor] ${line}`),
    onChange: (roles) => writeStatus(mode, urls(), roles),
  };
}

export function writeStatus(mode: string, urls: { gatewayUrl?: string; appUrl?: string }, roles: readonly RoleStatus[]): void {
  const status: LauncherStatus = {
    mode,
    launcherPid: process.pid,
    gatewayUrl: urls.gatewayUrl ?? '',
    ...(urls.appUrl ? { appUrl: urls.appUrl } : {}),
    updatedAt: new Date().toISOString(),
    roles,
  };
  mkdirSync(dirname(statusFile), { recursive: true });
  // Whole or not at all: `npm run status` may read it at any moment.
  const partial = `${statusFile}.${process.pid}.tmp`;
  writeFileSync(partial, `${JSON.stringify(status, null, 2)}\n`);
  renameSync(partial, statusFile);
}

/** Writes the first status, and stops everything (supervision first) on SIGINT / SIGTERM. */
export function runLauncher(mode: string, system: RunningSystem, afterStop: () => Promise<void> = () => Promise.resolve()): void {
  writeStatus(mode, system, system.supervisor?.status() ?? []);
  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      if (stopping) return;
      stopping = true;
      console.log('stopping MindFlow…');
      void system.stop()
        .then(afterStop)
        .finally(() => {
          rmSync(statusFile, { force: true });
          process.exit(0);
        });
    });
  }
}
