// What every MindFlow image must be (issue 7): multi-stage, a pinned base, non-root, a HEALTHCHECK on the
// ready endpoint, NODE_ENV=production. The Node images are all built from one file (docker/node-role.Dockerfile)
// given build arguments: it bundles ${ROLES}, copies nothing but the bundles into the runtime and starts
// DEFAULT_ROLE as `node <role>.mjs`; and every role of roles.ts is carried by some image's arguments.
import { bundleOf, buildArgsOf, roles, rolesOf, type Image } from '../roles/roles.js';
import type { Problem } from '../report/problem.js';
import type { Instruction, ParsedDockerfile, Stage } from './dockerfile-parse.js';

/** `name:1.2.3`, `registry/name:1.2.3-alpine`, optionally `@sha256:<digest>`. */
const pinnedImage = /^[a-z0-9./_-]+:\d+\.\d+\.\d+(?:-[a-z0-9.]+)?(?:@sha256:[a-f0-9]{64})?$/;

export function dockerfileProblems(file: string, dockerfile: ParsedDockerfile, runtime: Image['runtime']): Problem[] {
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

  // One-shots share the Node file; compose disables the check for them (healthcheck.disable) and k8s runs Jobs.
  const healthcheck = last(final, 'HEALTHCHECK');
  if (!healthcheck) report(final.line, label, 'no HEALTHCHECK');
  else if (!/\/health\/ready/.test(healthcheck.args)) report(healthcheck.line, label, 'HEALTHCHECK must probe /health/ready on the ops port');
  else if (!/OPS_PORT/.test(healthcheck.args)) report(healthcheck.line, label, 'HEALTHCHECK must use ${OPS_PORT}, as the processes do');

  if (runtime === 'node') problems.push(...nodeFileProblems(file, dockerfile, final));
  return problems;
}

/** The one Node Dockerfile: its build arguments drive the bundling, the runtime holds the bundles only. */
function nodeFileProblems(file: string, dockerfile: ParsedDockerfile, final: Stage): Problem[] {
  const problems: Problem[] = [];
  const report = (line: number, message: string) => problems.push({ file, line, object: stageLabel(final), message });
  const args = new Set(dockerfile.instructions.filter((i) => i.keyword === 'ARG').map((i) => i.args.split('=')[0]!.trim()));
  for (const name of ['ROLES', 'DEFAULT_ROLE']) if (!args.has(name)) problems.push({ file, message: `no ARG ${name}: the image's roles are build arguments (deploy/src/roles/roles.ts buildArgsOf)` });
  const bundle = dockerfile.instructions.find((i) => i.keyword === 'RUN' && /npm run bundle -w @mindflow\/deploy/.test(i.args));
  if (!bundle) problems.push({ file, message: 'no `RUN npm run bundle -w @mindflow/deploy -- ${ROLES}` step' });
  else if (!/ -- \$\{?ROLES\}?(\s|$)/.test(bundle.args)) problems.push({ file, line: bundle.line, message: 'must bundle the roles of the build argument: `npm run bundle -w @mindflow/deploy -- ${ROLES}`' });
  if (!dockerfile.instructions.some((i) => i.keyword === 'RUN' && /default-role\.mjs/.test(i.args) && /DEFAULT_ROLE/.test(i.args))) {
    problems.push({ file, message: 'no default-role.mjs written from ${DEFAULT_ROLE} (what CMD starts)' });
  }
  const copies = final.instructions.filter((i) => i.keyword === 'COPY');
  if (!copies.some((i) => /--from=build\b/.test(i.args))) report(final.line, 'no COPY --from=build of the bundles into the runtime');
  for (const copy of copies) {
    if (/node_modules/.test(copy.args) && !/--from=native\b/.test(copy.args)) report(copy.line, 'copies node_modules into the runtime: the bundles are self-contained (native add-ons come from stage native)');
  }
  // Native add-ons (roles.ts nativePackages) are installed by a stage `native` from ${NATIVE_PACKAGES} and copied in.
  if (nativeAddOnsWanted()) {
    const native = dockerfile.stages.find((s) => s.name === 'native');
    if (!args.has('NATIVE_PACKAGES')) problems.push({ file, message: 'no ARG NATIVE_PACKAGES: roles load native add-ons a bundle cannot carry (deploy/src/roles/roles.ts nativePackages)' });
    if (!native?.instructions.some((i) => i.keyword === 'RUN' && /npm install/.test(i.args) && /NATIVE_PACKAGES/.test(i.args) && /package-lock\.json/.test(i.args))) {
      problems.push({ file, line: native?.line, message: 'no stage native installing ${NATIVE_PACKAGES} at the versions package-lock.json pins' });
    }
    if (!copies.some((i) => /--from=native\b/.test(i.args))) report(final.line, 'no COPY --from=native of the native add-ons into the runtime');
  }
  const entrypoint = last(final, 'ENTRYPOINT');
  if (entrypoint?.args.replace(/\s/g, '') !== '["node"]') report(entrypoint?.line ?? final.line, 'ENTRYPOINT ["node"] (exec form: signals reach node)');
  const cmd = last(final, 'CMD');
  if (cmd?.args.replace(/\s/g, '') !== '["default-role.mjs"]') report(cmd?.line ?? final.line, 'CMD ["default-role.mjs"] (the bundle of DEFAULT_ROLE; compose and k8s name another)');
  return problems;
}

/**
 * Every role of roles.ts is buildable from the one Node file: its image is a Node image whose build arguments
 * carry its bundle, and each image's DEFAULT_ROLE is one of its ROLES.
 */
export function nodeImagesProblems(nodeImages: readonly Image[]): Problem[] {
  const problems: Problem[] = [];
  const file = 'deploy/src/roles/roles.ts';
  for (const image of nodeImages) {
    const { ROLES, DEFAULT_ROLE } = buildArgsOf(image);
    const carried = ROLES.split(' ').filter(Boolean);
    if (carried.length === 0) problems.push({ file, object: `image ${image.name}`, message: 'carries no role' });
    else if (!carried.includes(DEFAULT_ROLE)) problems.push({ file, object: `image ${image.name}`, message: `default role "${DEFAULT_ROLE}" is not one it carries [${carried.join(', ')}]` });
  }
  for (const role of roles.filter((r) => !r.pending)) {
    const image = nodeImages.find((i) => i.name === role.image);
    if (!image) {
      problems.push({ file, object: `role ${role.name}`, message: `image "${role.image}" is no Node image built from the one Dockerfile` });
      continue;
    }
    const bundle = bundleOf(role).replace(/\.mjs$/, '');
    if (!buildArgsOf(image).ROLES.split(' ').includes(bundle)) {
      problems.push({ file, object: `role ${role.name}`, message: `runs ${bundle}.mjs, which image ${image.name} does not bundle (its roles: ${rolesOf(image).map((r) => r.name).join(', ')})` });
    }
  }
  return problems;
}

const nativeAddOnsWanted = () => roles.some((r) => !r.pending && (r.nativePackages?.length ?? 0) > 0);

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
