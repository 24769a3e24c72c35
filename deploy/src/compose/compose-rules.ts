// What the schema cannot see in docker-compose.yml: start order that waits on health, build files that
// exist, every role present as a service running its bundle, declared volumes and networks, free host ports.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildArgsOf, bundleOf, clientWorkload, images, roles } from '../roles/roles.js';
import type { Problem } from '../report/problem.js';
import { record, list, textOf, type Json } from '../manifests/object-paths.js';
import type { ComposeFile } from './compose-file.js';

export function composeProblems(compose: ComposeFile, repoRoot: string): Problem[] {
  const problems: Problem[] = [];
  const report = (field: string, message: string) => problems.push({ file: compose.file, line: compose.lineOf(field), field, message });
  const services = record(compose.config['services']) ?? {};
  const volumes = record(compose.config['volumes']) ?? {};
  const networks = record(compose.config['networks']) ?? {};
  const hostPorts = new Map<string, string>();

  for (const [name, value] of Object.entries(services)) {
    const service = record(value) ?? {};
    const at = `services.${name}`;
    // Long form `depends_on: { db: { condition } }`, or the short list `depends_on: [db]` (start only).
    const dependsOn: [string, unknown, string][] = record(service['depends_on'])
      ? Object.entries(record(service['depends_on'])!).map(([target, spec]) => [target, spec, `${at}.depends_on.${target}`])
      : list(service['depends_on']).map((target, i) => [String(target), {}, `${at}.depends_on[${i}]`]);
    for (const [target, spec, field] of dependsOn) {
      const condition = record(spec)?.['condition'] ?? 'service_started';
      const other = record(services[target]);
      if (!other) report(field, `no service "${target}"`);
      else if (condition === 'service_started') report(field, 'waits only for the start, not for health: use condition service_healthy (or service_completed_successfully for a one-shot)');
      else if (condition === 'service_healthy' && !hasHealthcheck(other, repoRoot)) report(field, `"${target}" has no healthcheck (in compose or its Dockerfile's HEALTHCHECK)`);
      else if (condition === 'service_completed_successfully' && other['restart'] !== 'no') report(field, `"${target}" is a one-shot: give it restart: "no"`);
    }
    const build = buildOf(service);
    if (build) {
      if (!existsSync(join(repoRoot, build.context))) report(`${at}.build.context`, `${build.context} does not exist`);
      if (!existsSync(join(repoRoot, build.context, build.dockerfile))) report(`${at}.build.dockerfile`, `${build.dockerfile} does not exist`);
    }
    for (const mount of list(service['volumes'])) {
      const source = typeof mount === 'string' ? mount.split(':')[0] : textOf(record(mount)?.['source'] ?? '');
      if (source && !/^[./~]/.test(source) && !(source in volumes)) report(`${at}.volumes`, `named volume "${source}" is not declared under volumes:`);
      if (source && /^\.\//.test(source) && !existsSync(join(repoRoot, source))) report(`${at}.volumes`, `${source} does not exist`);
    }
    for (const network of Array.isArray(service['networks']) ? service['networks'] : Object.keys(record(service['networks']) ?? {})) {
      if (!(String(network) in networks)) report(`${at}.networks`, `network "${String(network)}" is not declared under networks:`);
    }
    list(service['ports']).forEach((port, i) => {
      const host = typeof port === 'string' ? port.split(':').slice(-2, -1)[0] : textOf(record(port)?.['published'] ?? '');
      if (!host) return;
      const taken = hostPorts.get(host);
      if (taken) report(`${at}.ports[${i}]`, `host port ${host} is already published by ${taken}`);
      hostPorts.set(host, name);
    });
  }

  // The SPA's image can be built once angular-client/ is a workspace package; until then it waits behind a profile.
  const spaExists = existsSync(join(repoRoot, 'angular-client', 'package.json'));
  for (const role of [...roles, { ...clientWorkload, oneShot: false, pending: !spaExists }]) {
    const service = record(services[role.name]);
    if (!service) {
      problems.push({ file: compose.file, message: `no service "${role.name}" (deploy/src/roles/roles.ts)` });
      continue;
    }
    const at = `services.${role.name}`;
    const image = images.find((i) => i.name === role.image)!;
    if (!new RegExp(`^mindflow/${image.name}:`).test(textOf(service['image'] ?? ''))) report(`${at}.image`, `must be mindflow/${image.name}:<tag>`);
    if (buildOf(service)?.dockerfile !== image.dockerfile) report(`${at}.build.dockerfile`, `must be ${image.dockerfile}`);
    if (image.runtime === 'node') {
      const args = record(record(service['build'])?.['args']) ?? {};
      for (const [name, value] of Object.entries(buildArgsOf(image))) {
        if (textOf(args[name] ?? '') !== value) report(`${at}.build.args.${name}`, `must be "${value}" (the ${image.name} image's roles, deploy/src/roles/roles.ts)`);
      }
    }
    if ('oneShot' in role && role.oneShot && record(service['healthcheck'])?.['disable'] !== true) {
      report(`${at}.healthcheck`, "a one-shot serves no ops port: healthcheck: { disable: true } (the image's HEALTHCHECK is for servers)");
    }
    if ('entry' in role && list(service['command'])[0] !== bundleOf(role)) report(`${at}.command`, `must be ["${bundleOf(role)}"]`);
    if (role.pending && list(service['profiles']).length === 0) report(`${at}.profiles`, 'not buildable yet: keep it behind a profile so `docker compose up` works');
    if (!role.pending && list(service['profiles']).length > 0) report(`${at}.profiles`, 'buildable now: take the profile away so `docker compose up` starts it');
  }
  return problems;
}

function buildOf(service: Json): { context: string; dockerfile: string } | undefined {
  const build = service['build'];
  if (typeof build === 'string') return { context: build, dockerfile: 'Dockerfile' };
  const spec = record(build);
  return spec ? { context: textOf(spec['context'] ?? '.'), dockerfile: textOf(spec['dockerfile'] ?? 'Dockerfile') } : undefined;
}

function hasHealthcheck(service: Json, repoRoot: string): boolean {
  const check = record(service['healthcheck']);
  if (check) return check['disable'] !== true && list(check['test'])[0] !== 'NONE';
  const build = buildOf(service);
  if (!build) return false;
  const path = join(repoRoot, build.context, build.dockerfile);
  return existsSync(path) && /^HEALTHCHECK\s+(?!NONE)/m.test(readFileSync(path, 'utf8'));
}
