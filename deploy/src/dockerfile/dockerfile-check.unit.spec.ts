// A Dockerfile that breaks the image rules is reported with its line and stage.
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../report/problem.js';
import { buildArgsOf, images, nodeRoleDockerfile, type Image } from '../roles/roles.js';
import { parseDockerfile } from './dockerfile-parse.js';
import { dockerfileProblems, envOf, nodeImagesProblems } from './dockerfile-rules.js';

const good = `# syntax=docker/dockerfile:1.7
# pin the digest: node:24.1.0-alpine@sha256:…
ARG NODE_IMAGE=node:24.1.0-alpine
FROM \${NODE_IMAGE} AS deps
RUN npm ci
FROM deps AS build
ARG ROLES
ARG DEFAULT_ROLE
RUN npm run bundle -w @mindflow/deploy -- \${ROLES}
RUN printf "import './%s.mjs';\\n" "\${DEFAULT_ROLE}" > /out/default-role.mjs
FROM \${NODE_IMAGE} AS native
ARG NATIVE_PACKAGES
RUN node -p "require('/lock/package-lock.json')" \${NATIVE_PACKAGES} && npm install --omit=dev \${NATIVE_PACKAGES}
FROM \${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \\
    OPS_PORT=9464
COPY --from=build /out/ ./
COPY --from=native /native/ ./
USER node
HEALTHCHECK CMD wget -q -O /dev/null "http://127.0.0.1:\${OPS_PORT}/health/ready" || exit 1
ENTRYPOINT ["node"]
CMD ["default-role.mjs"]
`;

const check = (text: string) => dockerfileProblems(nodeRoleDockerfile, parseDockerfile(text), 'node').map(formatProblem);

describe('Dockerfile rules', () => {
  it('accept a multi-stage, pinned, non-root, health-checked bundle image', () => {
    expect(check(good)).toEqual([]);
  });

  it('parse continuation lines and both ENV forms', () => {
    const parsed = parseDockerfile(good);
    expect(parsed.globalArgs.get('NODE_IMAGE')).toBe('node:24.1.0-alpine');
    expect(Object.fromEntries(envOf(parsed.stages[3]!))).toEqual({ NODE_ENV: 'production', OPS_PORT: '9464' });
    expect(parsed.stages.map((s) => [s.name, s.line])).toEqual([['deps', 4], ['build', 6], ['native', 11], ['runtime', 14]]);
  });

  it('report root, a floating base, no health check, a fixed bundle list, no default role and node_modules in the runtime', () => {
    const bad = good
      .replace('node:24.1.0-alpine\n', 'node:24-alpine\n')
      .replace('USER node', 'USER root')
      .replace(/HEALTHCHECK .*\n/, '')
      .replace('-- ${ROLES}', '-- gateway command')
      .replace('ARG DEFAULT_ROLE\n', '')
      .replace('ENTRYPOINT', 'COPY --from=build /repo/node_modules ./node_modules\nENTRYPOINT')
      .replace('CMD ["default-role.mjs"]', 'CMD ["gateway.mjs"]');
    expect(check(bad)).toEqual([
      'docker/node-role.Dockerfile:4: stage deps: base image "node:24-alpine" is not pinned to an exact version (name:x.y.z[-variant][@sha256:…])',
      'docker/node-role.Dockerfile:10: stage native: base image "node:24-alpine" is not pinned to an exact version (name:x.y.z[-variant][@sha256:…])',
      'docker/node-role.Dockerfile:13: stage runtime: base image "node:24-alpine" is not pinned to an exact version (name:x.y.z[-variant][@sha256:…])',
      'docker/node-role.Dockerfile:18: stage runtime: USER root is root',
      'docker/node-role.Dockerfile:13: stage runtime: no HEALTHCHECK',
      'docker/node-role.Dockerfile: no ARG DEFAULT_ROLE: the image\'s roles are build arguments (deploy/src/roles/roles.ts buildArgsOf)',
      'docker/node-role.Dockerfile:8: must bundle the roles of the build argument: `npm run bundle -w @mindflow/deploy -- ${ROLES}`',
      'docker/node-role.Dockerfile:19: stage runtime: copies node_modules into the runtime: the bundles are self-contained (native add-ons come from stage native)',
      'docker/node-role.Dockerfile:21: stage runtime: CMD ["default-role.mjs"] (the bundle of DEFAULT_ROLE; compose and k8s name another)',
    ]);
  });

  it('find every role of roles.ts buildable from the one Node Dockerfile, by its image\'s build arguments', () => {
    const nodeImages = images.filter((i) => i.runtime === 'node');
    expect(nodeImages.every((i) => i.dockerfile === nodeRoleDockerfile)).toBe(true);
    expect(nodeImagesProblems(nodeImages).map(formatProblem)).toEqual([]);
    expect(buildArgsOf(nodeImages.find((i) => i.name === 'query')!)).toEqual({ ROLES: 'query-projector query-subgraph', DEFAULT_ROLE: 'query-subgraph', API_PORT: '4001', NATIVE_PACKAGES: '' });
    expect(buildArgsOf(nodeImages.find((i) => i.name === 'command')!).ROLES).toBe('command');
    // The three relays are one bundle: the relay image carries it once.
    expect(buildArgsOf(nodeImages.find((i) => i.name === 'relay')!)).toEqual({ ROLES: 'relay', DEFAULT_ROLE: 'relay', API_PORT: '', NATIVE_PACKAGES: '' });
    // Only the media subgraph loads packages a bundle cannot carry (sharp, pdfkit and its fonts): only the media image installs them.
    expect(buildArgsOf(nodeImages.find((i) => i.name === 'media')!).NATIVE_PACKAGES).toBe('dejavu-fonts-ttf pdfkit sharp');
    expect(nodeImages.filter((i) => buildArgsOf(i).NATIVE_PACKAGES !== '').map((i) => i.name)).toEqual(['media']);
  });

  it('report native add-ons neither installed nor copied into the runtime', () => {
    const withoutNative = good
      .replace('ARG NATIVE_PACKAGES\n', '')
      .replace(/RUN node -p .*\n/, 'RUN true\n')
      .replace('COPY --from=native /native/ ./\n', '');
    expect(check(withoutNative)).toEqual([
      'docker/node-role.Dockerfile: no ARG NATIVE_PACKAGES: roles load native add-ons a bundle cannot carry (deploy/src/roles/roles.ts nativePackages)',
      'docker/node-role.Dockerfile:11: no stage native installing ${NATIVE_PACKAGES} at the versions package-lock.json pins',
      'docker/node-role.Dockerfile:13: stage runtime: no COPY --from=native of the native add-ons into the runtime',
    ]);
  });

  it('report a role no Node image carries and a default role an image does not carry', () => {
    const withoutCommand: Image[] = images.filter((i) => i.runtime === 'node' && i.name !== 'command');
    const wrongDefault = withoutCommand.map((i) => (i.name === 'query' ? { ...i, defaultRole: 'gateway' } : i));
    expect(nodeImagesProblems(wrongDefault).map(formatProblem)).toEqual([
      'deploy/src/roles/roles.ts: image query: default role "gateway" is not one it carries [query-projector, query-subgraph]',
      'deploy/src/roles/roles.ts: role command: image "command" is no Node image built from the one Dockerfile',
    ]);
  });

  it('report a single-stage image and a missing NODE_ENV', () => {
    const single = 'ARG NODE_IMAGE=node:24.1.0-alpine\n# digest @sha256\nFROM ${NODE_IMAGE}\nUSER node\n';
    const found = check(single);
    expect(found).toContain('docker/node-role.Dockerfile:3: 1 stage(s): build in stages (dependencies → build → runtime) so the image carries only the runtime');
    expect(found).toContain('docker/node-role.Dockerfile:3: stage 0: ENV NODE_ENV=production is missing');
  });
});
