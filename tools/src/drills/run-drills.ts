// Runs drills on one environment per mode, one after the other, each reconciled at its end.
import { loadavg } from 'node:os';
import { machineInfo, type MachineInfo } from '../bench/machine.js';
import type { Mode } from '../system/index.js';
import { drills, runDrill, type DrillResult } from './drills.js';
import { startDrillEnvironment } from './environment.js';
import { drillProfiles, type DrillProfile } from './profile.js';

export interface DrillRunOptions {
  readonly profile: DrillProfile['name'];
  readonly modes: readonly Mode[];
  /** Drill names; all by default. */
  readonly only?: readonly string[];
  readonly log?: (line: string) => void;
  readonly serviceOutput?: NodeJS.WritableStream | null;
}

export interface DrillRun {
  readonly profile: DrillProfile;
  readonly startedAt: string;
  readonly machine: MachineInfo;
  /** 1-minute load average when each drill ended (the machine is shared). */
  readonly loadAverages: Readonly<Record<string, number>>;
  readonly results: readonly DrillResult[];
  /** Drills that could not run at all (the environment failed to start, …). */
  readonly errors: readonly string[];
}

export async function runDrills(options: DrillRunOptions): Promise<DrillRun> {
  const profile = drillProfiles[options.profile];
  const log = options.log ?? ((line: string) => console.error(`[drills] ${line}`));
  const unknown = (options.only ?? []).filter((name) => !drills.some((d) => d.name === name));
  if (unknown.length > 0) throw new Error(`unknown drills: ${unknown.join(', ')}; known: ${drills.map((d) => d.name).join(', ')}`);
  const startedAt = new Date().toISOString();
  const results: DrillResult[] = [];
  const errors: string[] = [];
  const loadAverages: Record<string, number> = {};
  for (const mode of options.modes) {
    const selected = drills.filter((d) => d.modes.includes(mode) && (options.only?.length ? options.only.includes(d.name) : !d.explicit));
    if (selected.length === 0) continue;
    let env;
    try {
      env = await startDrillEnvironment({ mode, writers: profile.writers, log, serviceOutput: options.serviceOutput ?? null });
    } catch (error) {
      errors.push(`${mode}: the environment did not start: ${error instanceof Error ? error.message : String(error)}`);
      continue;
    }
    try {
      for (const drill of selected) {
        log(`── ${drill.name} (${mode}, ${profile.name})`);
        try {
          const result = await runDrill(drill, { env, profile, log });
          results.push(result);
          loadAverages[`${drill.name} (${mode})`] = Math.round(loadavg()[0]! * 10) / 10;
          log(`${drill.name}: ${result.ok ? 'clean' : `FAILED: ${result.failures.join(' | ')}`}`);
        } catch (error) {
          errors.push(`${drill.name} (${mode}): ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
          log(`${drill.name}: could not complete: ${String(error)}`);
        }
      }
    } finally {
      await env.close();
    }
  }
  return { profile, startedAt, machine: machineInfo(), loadAverages, results, errors };
}
