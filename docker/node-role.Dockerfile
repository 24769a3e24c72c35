# syntax=docker/dockerfile:1.7
# Every MindFlow Node image, from this one file: the roles an image carries are build arguments, which
# docker-compose.yml passes (build.args) from deploy/src/roles/roles.ts, the one list of roles, their
# bundles and images (`nx run @mindflow/deploy:check` holds the three together).
#   ROLES         the bundles to build and carry, e.g. "query-subgraph query-projector"
#   DEFAULT_ROLE  the one the image runs when no args are given (compose `command`, k8s `args` pick another)
#   API_PORT      the port its default role serves its API on (EXPOSE only; empty for none)
#   NATIVE_PACKAGES  native add-ons its roles load, which a bundle cannot carry (e.g. "sharp"; empty for most)
# Build from the repository root, e.g.:
#   docker build -f docker/node-role.Dockerfile --build-arg ROLES="query-subgraph query-projector" \
#     --build-arg DEFAULT_ROLE=query-subgraph --build-arg API_PORT=4001 -t mindflow/query .
#
# Base image pinned by exact version; for a release also pin its digest, which this offline machine could
# not look up:  docker buildx imagetools inspect node:24.21.0-alpine  →  NODE_IMAGE=node:24.21.0-alpine@sha256:…
ARG NODE_IMAGE=node:24.21.0-alpine

# --- every package.json of the workspace, alone: the npm ci layer below is rebuilt only when they change
FROM ${NODE_IMAGE} AS manifests
WORKDIR /src
COPY . .
RUN mkdir /manifests && { echo package-lock.json; find . -name package.json -not -path '*/node_modules/*'; } \
      | tar -cf - -T - | tar -xf - -C /manifests

# --- dependencies (dev ones included: esbuild and tsx do the bundling); scripts off, nothing here needs one
FROM ${NODE_IMAGE} AS deps
WORKDIR /repo
COPY --from=manifests /manifests/ ./
RUN --mount=type=cache,target=/root/.npm npm ci --ignore-scripts --no-audit --no-fund

# --- bundle: each role becomes one ES module with its migrations, GraphQL schema and .proto files beside it,
#     all gathered in /out. The gateway also gets the playground's GraphiQL bundle (gateway/tools/
#     playground-build.ts) where it looks for it, relative to itself. default-role.mjs starts DEFAULT_ROLE
#     (an exec-form CMD cannot read a build argument).
FROM deps AS build
ARG ROLES
ARG DEFAULT_ROLE
COPY . .
RUN test -n "${ROLES}" && case " ${ROLES} " in *" ${DEFAULT_ROLE} "*) ;; *) echo "DEFAULT_ROLE must be one of ROLES"; exit 1;; esac
RUN npm run bundle -w @mindflow/deploy -- ${ROLES}
RUN case " ${ROLES} " in *" gateway "*) npm run build:playground -w @mindflow/gateway \
      && mkdir -p dist/bundle/gateway/gateway/dist && cp -r gateway/dist/playground dist/bundle/gateway/gateway/dist/ ;; esac \
    && mkdir /out && for role in ${ROLES}; do cp -r "dist/bundle/${role}/." /out/; done \
    && printf "import './%s.mjs';\n" "${DEFAULT_ROLE}" > /out/default-role.mjs

# --- native add-ons (NATIVE_PACKAGES, roles.ts nativePackages): esbuild cannot inline a .node binary, so the
#     bundles leave them external and they are installed here, each at the version package-lock.json pins, by
#     npm in the runtime's own base image, which picks the prebuilt optional dependency of that platform (node
#     alpine on amd64: @img/sharp-linuxmusl-x64 and @img/sharp-libvips-linuxmusl-x64). None given: /native
#     stays empty and the image gets no node_modules at all.
FROM ${NODE_IMAGE} AS native
ARG NATIVE_PACKAGES
WORKDIR /native
COPY --from=manifests /manifests/package-lock.json /lock/package-lock.json
RUN --mount=type=cache,target=/root/.npm if [ -n "${NATIVE_PACKAGES}" ]; then \
      specs=$(node -e "const lock = require('/lock/package-lock.json').packages; \
        console.log(process.argv.slice(1).map((p) => { const v = lock['node_modules/' + p]?.version; \
          if (!v) throw new Error(p + ' is not in package-lock.json'); return p + '@' + v; }).join(' '))" ${NATIVE_PACKAGES}) \
      && echo '{"private":true}' > package.json \
      && npm install --omit=dev --ignore-scripts --no-audit --no-fund --no-package-lock ${specs} \
      && rm package.json; fi

# --- runtime: Node and the bundles only (plus NATIVE_PACKAGES) — no other node_modules, no TypeScript, no package manager
FROM ${NODE_IMAGE} AS runtime
ARG API_PORT
RUN rm -rf /usr/local/lib/node_modules/npm /usr/local/lib/node_modules/corepack /usr/local/bin/npm /usr/local/bin/npx \
      /usr/local/bin/corepack /opt/yarn-* /usr/local/bin/yarn /usr/local/bin/yarnpkg
# In a container every role listens on all interfaces (each role reads only its own variable; ports keep the
# roles' defaults). The command service's COMMAND_GRPC_ADDRESS is also the query subgraph's client target,
# so compose and k8s set it per role instead.
ENV NODE_ENV=production \
    OPS_HOST=0.0.0.0 \
    OPS_PORT=9464 \
    HOST=0.0.0.0 \
    IDENTITY_HOST=0.0.0.0 \
    QUERY_SUBGRAPH_HOST=0.0.0.0 \
    SEARCH_SUBGRAPH_HOST=0.0.0.0 \
    INSIGHTS_SUBGRAPH_HOST=0.0.0.0
WORKDIR /app
COPY --from=build /out/ ./
# The native add-ons into /app/node_modules, where `import 'sharp'` of a bundle in /app resolves (nothing for most images).
COPY --from=native /native/ ./
# Writable for identity's dev key pair only, generated when no AUTH_PRIVATE_KEY is set (docker compose; k8s dev mounts an emptyDir).
RUN mkdir -p .cache && chown node:node .cache
USER node
EXPOSE ${API_PORT} 9464
# One-shots (migrate) serve no ops port: compose disables this check for them, k8s runs them as Jobs.
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD wget -q -T 2 -O /dev/null "http://127.0.0.1:${OPS_PORT}/health/ready" || exit 1
ENTRYPOINT ["node"]
CMD ["default-role.mjs"]
