// `nx run @mindflow/deploy:check` (part of `npm test`): everything about deploying MindFlow that can be
// checked without a Docker engine or a cluster. Prints one line per problem — file[:line]: object field:
// message — and exits 1 if there is any.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { repoRoot } from '@mindflow/platform';
import { checkBundles } from '../checks/bundle-check.js';
import { checkDockerfiles } from '../checks/dockerfile-check.js';
import { checkK8s } from '../checks/k8s-check.js';
import { checkCompose } from '../compose/compose-check.js';
import { formatProblem, type Problem } from '../report/problem.js';

const started = Date.now();
const problems: Problem[] = [];

const k8s = await checkK8s(repoRoot).catch((error: unknown) => ({ problems: [{ file: 'k8s', message: (error as Error).message }], kubectl: 'none', rendered: {} }));
problems.push(...k8s.problems);
const compose = await checkCompose(repoRoot);
problems.push(...compose.problems);
const dockerfiles = await checkDockerfiles(repoRoot);
problems.push(...dockerfiles.problems);
const bundles = await checkBundles(repoRoot);
problems.push(...bundles.problems);
// The dev cluster's PostgreSQL runs the same init script as compose's: one script, two copies, kept equal.
const [composeInit, k8sInit] = await Promise.all(['docker/postgres/init-databases.sh', 'k8s/overlays/dev/infra/init-databases.sh'].map((f) => readFile(join(repoRoot, f), 'utf8').catch(() => '')));
if (composeInit !== k8sInit) problems.push({ file: 'k8s/overlays/dev/infra/init-databases.sh', message: 'differs from docker/postgres/init-databases.sh (copy it over)' });

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MiB`;
console.log(`kustomize: ${k8s.kubectl}`);
for (const [dir, count] of Object.entries(k8s.rendered)) console.log(`  ${dir}: ${count} objects rendered and validated`);
console.log(`compose: ${compose.services} services; ${compose.cli}`);
console.log(`dockerfiles: ${dockerfiles.checked} checked (node base ${dockerfiles.nodeImage ?? '?'})`);
console.log(`bundles: ${Object.entries(bundles.sizes).map(([role, bytes]) => `${role} ${mib(bytes)}`).join(', ')}`);
for (const problem of problems) console.error(formatProblem(problem));
console.log(`deploy check: ${problems.length === 0 ? 'ok' : `${problems.length} problem(s)`} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
process.exitCode = problems.length === 0 ? 0 : 1;
