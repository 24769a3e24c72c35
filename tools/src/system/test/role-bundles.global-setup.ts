// Vitest global setup of the test tiers that start whole systems: builds the roles' bundles once per run (only the
// ones whose files changed since, role-bundles.ts) and has every role of the run started from them.
import { buildRoleBundles, defaultRoleBundlesDir, roleBundlesVariable } from '../role-bundles.js';

export default async function setup(): Promise<void> {
  if (process.env[roleBundlesVariable] === '') return; // MINDFLOW_ROLE_BUNDLES= (empty): run the sources
  const dir = process.env[roleBundlesVariable] ?? defaultRoleBundlesDir;
  await buildRoleBundles(dir, (line) => process.stderr.write(`[vitest] ${line}\n`));
  process.env[roleBundlesVariable] = dir;
}
