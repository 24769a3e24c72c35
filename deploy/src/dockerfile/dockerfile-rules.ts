// What every MindFlow image must be (issue 7): multi-stage, a pinned base, non-root, a HEALTHCHECK on the
// ready endpoint, NODE_ENV=production; and for Node images, the roles of roles.ts bundled and copied in,
// the runtime started as `node <role>.mjs`, nothing but the bundles in the final stage.
import type { Image, Role } from '../roles/roles.js';
import type { Problem } from '../report/problem.js';
import type { Instruction, ParsedDockerfile, Stage } from './dockerfile-parse.js';

/** `name:1.2.3`, `registry/name:1.2.3-alpine`, optionally `@sha256:<digest>`. */
const pinnedImage = /^[a-z0-9./_-]+:\d+\.\d+\.\d+(?:-[a-z0-9.]+)?(?:@sha256:[a-f0-9]{64})?$/;

export function dockerfileProblems(file: string, dockerfile: ParsedDockerfile, image: Image, imageRoles: readonly Role[]): Problem[] {
  const problems: Problem[] = [];
  const report = (line: number | undefined, object: string | undefined, message: string) => problems.push({ file, line, object, message });
  const { stages } = dockerfile;
  if (stages.length < 3) report(stages[0]?.line, undefined, `${stages.length} stage(s): build in stages (dependencies → build → runtime) so the image carries only the runtime`);
  const final = stages[stages.length - 1];
  if (!final) return problems;
  const names = new Set(stages.map((s) => s.name).filter(Boolean));
  for (const stage of stages) {
    const reference = stage.from.match(/^\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?$/)?.[1];
    const base = reference ? dockerfile.globalArgs.get(reference) : stage.from;
    if (names.has(stage.from)) continue;
    if (!base || !pinnedImage.test(base)) report(stage.line, stageLabel(stage), `base image "${base ?? stage.from}" is not pinned to an exact version (name:x.y.z[-variant][@sha256:…])`);
  }
  const comments = dockerfile.comments.join('\n');
  if (!/digest/i.test(comments) || !/@sha256/.test(comments)) report(1, undefined, 'say how the base image digest is pinned (a comment with the @sha256 form)');

  const label = stageLabel(final);
  if (final.name !== 'runtime') report(final.line, label, 'the final stage should be named runtime');
  const user = last(final, 'USER');
  if (!user) report(final.line, label, 'no USER: the runtime would run as root');
  else if (/^(root|0)(:|$)/.test(user.args)) report(user.line, label, `USER ${user.args} is root`);
  const env = envOf(final);
  if (env.get('NODE_ENV') !== 'production') report(final.line, label, 'ENV NODE_ENV=production is missing');

  const serving = image.runtime === 'static' || imageRoles.some((r) => !r.oneShot);
  const healthcheck = last(final, 'HEALTHCHECK');
  if (!healthcheck) report(final.line, label, 'no HEALTHCHECK');
  else if (serving && !/\/health\/ready/.test(healthcheck.args)) report(healthcheck.line, label, 'HEALTHCHECK must probe /health/ready on the ops port');
  else if (serving && !/OPS_PORT/.test(healthcheck.args)) report(healthcheck.line, label, 'HEALTHCHECK must use ${OPS_PORT}, as the processes do');
  else if (!serving && healthcheck.args !== 'NONE') report(healthcheck.line, label, 'a one-shot image has no server to probe: HEALTHCHECK NONE');

  if (image.runtime === 'node') problems.push(...nodeImageProblems(file, dockerfile, final, imageRoles));
  return problems;
}

function nodeImageProblems(file: string, dockerfile: ParsedDockerfile, final: Stage, imageRoles: readonly Role[]): Problem[] {
  const problems: Problem[] = [];
  const report = (line: number, message: string) => problems.push({ file, line, object: stageLabel(final), message });
  const wanted = imageRoles.filter((r) => !r.pending && (!r.bundle || r.bundle === r.name)).map((r) => r.name).sort();
  const bundle = dockerfile.instructions.find((i) => i.keyword === 'RUN' && /npm run bundle -w @mindflow\/deploy/.test(i.args));
  if (!bundle) problems.push({ file, message: 'no `RUN npm run bundle -w @mindflow/deploy -- <roles>` step' });
  else {
    const listed = (bundle.args.split(' -- ')[1] ?? '').trim().split(/\s+/).filter(Boolean).sort();
    if (listed.join(' ') !== wanted.join(' ')) {
      problems.push({ file, line: bundle.line, message: `bundles [${listed.join(', ')}] but the image carries [${wanted.join(', ')}] (deploy/src/roles/roles.ts)` });
    }
  }
  for (const role of wanted) {
    if (!final.instructions.some((i) => i.keyword === 'COPY' && i.args.includes(`/dist/bundle/${role}/`))) report(final.line, `no COPY of dist/bundle/${role}/ into the runtime`);
  }
  for (const copy of final.instructions.filter((i) => i.keyword === 'COPY')) {
    if (/node_modules/.test(copy.args)) report(copy.line, 'copies node_modules into the runtime: the bundles are self-contained');
  }
  const entrypoint = last(final, 'ENTRYPOINT');
  if (entrypoint?.args.replace(/\s/g, '') !== '["node"]') report(entrypoint?.line ?? final.line, 'ENTRYPOINT ["node"] (exec form: signals reach node)');
  const cmd = last(final, 'CMD');
  const started = cmd?.args.match(/^\["([^"]+)\.mjs"\]$/)?.[1];
  if (!started || !wanted.includes(started)) report(cmd?.line ?? final.line, `CMD must be ["<role>.mjs"] for one of [${wanted.join(', ')}]`);
  return problems;
}

function stageLabel(stage: Stage): string {
  return `stage ${stage.name ?? stage.index}`;
}

function last(stage: Stage, keyword: string): Instruction | undefined {
  return stage.instructions.filter((i) => i.keyword === keyword).at(-1);
}

/** ENV of one stage, both forms (`ENV A=1 B=2` and the legacy `ENV A 1`). */
export function envOf(stage: Stage): Map<string, string> {
  const env = new Map<string, string>();
  for (const instruction of stage.instructions.filter((i) => i.keyword === 'ENV')) {
    const pairs = [...instruction.args.matchAll(/([A-Za-z_][A-Za-z0-9_]*)=("(?:[^"\\]|\\.)*"|\S*)/g)];
    if (pairs.length > 0) for (const [, key, value] of pairs) env.set(key!, value!.replace(/^"(.*)"$/, '$1'));
    else {
      const legacy = instruction.args.match(/^(\S+)\s+(.*)$/);
      if (legacy) env.set(legacy[1]!, legacy[2]!);
    }
  }
  return env;
}
