// The system a run's suites share, one per mode: see shared-systems.global-setup.ts.
import { inject } from 'vitest';
import type { Mode } from '../../system/index.js';
import { gatewayOf, type E2eGateway } from './e2e-system.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where shared-systems.global-setup.ts starts (once per run and mode) the system the suites share. */
    mindflowSharedE2eSystems?: string;
  }
}

/**
 * The system of `mode` shared by every suite of the run that needs no settings of its own (started by the e2e tier's
 * global setup on first request, stopped when the run ends): a whole-system start is ~15-20 s, and six suites × two
 * modes each started their own. Suites stay apart by user: each signs in users of its own.
 */
export async function sharedE2eSystem(mode: Mode): Promise<E2eGateway> {
  const control = inject('mindflowSharedE2eSystems');
  if (!control) throw new Error('no shared e2e systems: run this suite through tools\' vitest config (its e2e tier\'s global setup starts them)');
  const answer = await fetch(`${control}/systems/${mode}`, { method: 'POST' });
  const body = (await answer.json()) as { gatewayUrl?: string; error?: string };
  if (!answer.ok || !body.gatewayUrl) throw new Error(`the shared ${mode} system did not start: ${body.error ?? answer.status}`);
  return gatewayOf(body.gatewayUrl);
}
