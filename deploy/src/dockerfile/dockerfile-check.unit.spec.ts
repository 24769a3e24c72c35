// A Dockerfile that breaks the image rules is reported with its line and stage.
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../report/problem.js';
import { images, roles } from '../roles/roles.js';
import { parseDockerfile } from './dockerfile-parse.js';
import { dockerfileProblems, envOf } from './dockerfile-rules.js';

const gatewayImage = images.find((i) => i.name === 'gateway')!;
const gatewayRoles = roles.filter((r) => r.image === 'gateway');

const good = `# syntax=docker/dockerfile:1.7
# pin the digest: node:24.1.0-alpine@sha256:…
ARG NODE_IMAGE=node:24.1.0-alpine
FROM \${NODE_IMAGE} AS deps
RUN npm ci
FROM deps AS build
RUN npm run bundle -w @mindflow/deploy -- gateway
FROM \${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \\
    OPS_PORT=9464
COPY --from=build /repo/dist/bundle/gateway/ ./
USER node
HEALTHCHECK CMD wget -q -O /dev/null "http://127.0.0.1:\${OPS_PORT}/health/ready" || exit 1
ENTRYPOINT ["node"]
CMD ["gateway.mjs"]
`;

const check = (text: string) => dockerfileProblems('gateway/Dockerfile', parseDockerfile(text), gatewayImage, gatewayRoles).map(formatProblem);

describe('Dockerfile rules', () => {
  it('accept a multi-stage, pinned, non-root, health-checked bundle image', () => {
    expect(check(good)).toEqual([]);
  });

  it('parse continuation lines and both ENV forms', () => {
    const parsed = parseDockerfile(good);
    expect(parsed.globalArgs.get('NODE_IMAGE')).toBe('node:24.1.0-alpine');
    expect(Object.fromEntries(envOf(parsed.stages[2]!))).toEqual({ NODE_ENV: 'production', OPS_PORT: '9464' });
    expect(parsed.stages.map((s) => [s.name, s.line])).toEqual([['deps', 4], ['build', 6], ['runtime', 8]]);
  });

  it('report root, a floating base, no health check, a wrong bundle list and node_modules in the runtime', () => {
    const bad = good
      .replace('node:24.1.0-alpine\n', 'node:24-alpine\n')
      .replace('USER node', 'USER root')
      .replace(/HEALTHCHECK .*\n/, '')
      .replace('-- gateway', '-- gateway command')
      .replace('ENTRYPOINT', 'COPY --from=build /repo/node_modules ./node_modules\nENTRYPOINT');
    expect(check(bad)).toEqual([
      'gateway/Dockerfile:4: stage deps: base image "node:24-alpine" is not pinned to an exact version (name:x.y.z[-variant][@sha256:…])',
      'gateway/Dockerfile:8: stage runtime: base image "node:24-alpine" is not pinned to an exact version (name:x.y.z[-variant][@sha256:…])',
      'gateway/Dockerfile:12: stage runtime: USER root is root',
      'gateway/Dockerfile:8: stage runtime: no HEALTHCHECK',
      'gateway/Dockerfile:7: bundles [command, gateway] but the image carries [gateway] (deploy/src/roles/roles.ts)',
      'gateway/Dockerfile:13: stage runtime: copies node_modules into the runtime: the bundles are self-contained',
    ]);
  });

  it('report a single-stage image and a missing NODE_ENV', () => {
    const single = 'ARG NODE_IMAGE=node:24.1.0-alpine\n# digest @sha256\nFROM ${NODE_IMAGE}\nUSER node\n';
    const found = check(single);
    expect(found).toContain('gateway/Dockerfile:3: 1 stage(s): build in stages (dependencies → build → runtime) so the image carries only the runtime');
    expect(found).toContain('gateway/Dockerfile:3: stage 0: ENV NODE_ENV=production is missing');
  });
});
