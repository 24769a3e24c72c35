// Every role's entry bundles (esbuild resolves every import, finds no test code), into a scratch folder.
// The int test runs the bundles; this keeps a broken import from reaching an image build.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleRole } from '../bundle/bundle-role.js';
import type { Problem } from '../report/problem.js';
import { bundledRoles } from '../roles/roles.js';

export async function checkBundles(repoRoot: string): Promise<{ problems: Problem[]; sizes: Record<string, number> }> {
  const problems: Problem[] = [];
  const sizes: Record<string, number> = {};
  const out = await mkdtemp(join(tmpdir(), 'mindflow-bundle-check-'));
  try {
    for (const role of bundledRoles()) {
      const exists = existsSync(join(repoRoot, role.entry));
      if (role.pending) {
        if (exists) problems.push({ file: 'deploy/src/roles/roles.ts', object: `role ${role.name}`, message: `${role.entry} exists now: drop "pending" (its image's ROLES then carry it), give it replicas and take it out of its compose profile` });
        continue;
      }
      if (!exists) {
        problems.push({ file: 'deploy/src/roles/roles.ts', object: `role ${role.name}`, message: `entry ${role.entry} does not exist` });
        continue;
      }
      try {
        sizes[role.name] = (await bundleRole(role, { repoRoot, outRoot: out })).bytes;
      } catch (error) {
        problems.push({ file: role.entry, object: `role ${role.name}`, message: `does not bundle: ${(error as Error).message.split('\n').slice(0, 6).join(' | ')}` });
      }
    }
  } finally {
    await rm(out, { recursive: true, force: true });
  }
  return { problems, sizes };
}
