// Every process MindFlow deploys, once: its entry, the image that carries it, the port it serves. The
// bundler, the one Node Dockerfile (docker/node-role.Dockerfile, given each image's build arguments),
// docker-compose.yml and k8s/ are all checked against these lists, so a new role is one line here plus its
// manifests (the check names what is missing).

export interface Image {
  /** Image name: `mindflow/<name>` in compose and k8s (overlays may add a registry and tag). */
  readonly name: string;
  readonly dockerfile: string;
  /** `node`: bundled roles run by node; `static`: the SPA on nginx. */
  readonly runtime: 'node' | 'static';
  /** A Node image's role it runs when given no args (build argument DEFAULT_ROLE). */
  readonly defaultRole?: string;
}

export interface Role {
  /** Process name: bundle `<name>.mjs`, compose service, k8s Deployment (Job for one-shots). */
  readonly name: string;
  /** Entry file, relative to the repository root. */
  readonly entry: string;
  /** The image that carries this role's bundle (several roles of one service share one). */
  readonly image: string;
  /** The bundle it runs, when it is another role's run with other settings (default: its own, `<name>.mjs`). */
  readonly bundle?: string;
  /** The port the role serves its API on, if any (the ops port is OPS_PORT, the same for all). */
  readonly port?: { readonly name: string; readonly number: number };
  /** Runs to completion (k8s Job, compose one-shot) instead of serving. */
  readonly oneShot?: boolean;
  /**
   * Being written by someone else: its manifests exist (k8s at 0 replicas, compose behind a profile), its
   * image does not bundle it yet. The check says when its entry appears, so this flag gets dropped.
   */
  readonly pending?: boolean;
  /**
   * Native add-ons it loads (npm package names): esbuild cannot inline a `.node` binary, so the bundle leaves
   * them external (bundle-role.ts nativeAddOns) and the image installs them, at the lock's version, for its
   * own platform into /app/node_modules (build argument NATIVE_PACKAGES).
   */
  readonly nativePackages?: readonly string[];
}

/** Every process in a container serves /health/live, /health/ready and /metrics on this port. */
export const opsPort = 9464;

/** Every Node image is built from this one file; its build arguments say which roles it carries (buildArgsOf). */
export const nodeRoleDockerfile = 'docker/node-role.Dockerfile';

const nodeImage = (name: string, defaultRole: string): Image => ({ name, dockerfile: nodeRoleDockerfile, runtime: 'node', defaultRole });

// One image per service: the roles of a service ship and roll back together, and share their bundle's code.
export const images: readonly Image[] = [
  nodeImage('command', 'command'),
  nodeImage('relay', 'relay'),
  nodeImage('query', 'query-subgraph'),
  nodeImage('identity', 'identity'),
  nodeImage('insights', 'insights-subgraph'),
  nodeImage('search', 'search-subgraph'),
  nodeImage('notifications', 'notifications-subgraph'),
  nodeImage('media', 'media-subgraph'),
  nodeImage('notifier', 'notifier'),
  nodeImage('gateway', 'gateway'),
  nodeImage('migrate', 'migrate'),
  { name: 'client', dockerfile: 'angular-client/Dockerfile', runtime: 'static' },
];

export const roles: readonly Role[] = [
  { name: 'command', entry: 'services/command/src/main.ts', image: 'command', port: { name: 'grpc', number: 50051 } },
  // The outbox → Kafka relay (services/relay) over the command write DB; its image also runs as the two below.
  { name: 'relay', entry: 'services/relay/src/main.ts', image: 'relay' },
  { name: 'query-projector', entry: 'services/query/src/projector-main.ts', image: 'query' },
  { name: 'query-subgraph', entry: 'services/query/src/subgraph-main.ts', image: 'query', port: { name: 'http', number: 4001 } },
  // The relay over the read DB (WRITE_DATABASE_URL = the read DB's): the query projection's UserDataErased to Kafka.
  { name: 'query-relay', entry: 'services/relay/src/main.ts', image: 'relay', bundle: 'relay' },
  { name: 'identity', entry: 'services/identity/src/main.ts', image: 'identity', port: { name: 'http', number: 4002 } },
  // The relay over identity's database (WRITE_DATABASE_URL = identity's): its outbox to Kafka.
  { name: 'identity-relay', entry: 'services/relay/src/main.ts', image: 'relay', bundle: 'relay' },
  { name: 'search-projector', entry: 'services/search/src/projector-main.ts', image: 'search' },
  { name: 'search-subgraph', entry: 'services/search/src/subgraph-main.ts', image: 'search', port: { name: 'http', number: 4003 } },
  { name: 'insights-projector', entry: 'services/insights/src/projector-main.ts', image: 'insights' },
  { name: 'insights-subgraph', entry: 'services/insights/src/subgraph-main.ts', image: 'insights', port: { name: 'http', number: 4004 } },
  // The relay over insights' database: AIInsightsGenerated / AIInsightsFailed / InsightsSettingChanged to Kafka.
  { name: 'insights-relay', entry: 'services/relay/src/main.ts', image: 'relay', bundle: 'relay' },
  // The notifications projector with its scheduler and senders beside it (services/notifications/README.md).
  { name: 'notifications-projector', entry: 'services/notifications/src/projector-main.ts', image: 'notifications' },
  { name: 'notifications-subgraph', entry: 'services/notifications/src/subgraph-main.ts', image: 'notifications', port: { name: 'http', number: 4005 } },
  // The relay over the notifications database: NotificationCreated / Sent / Failed, WeeklyReflectionGenerated to Kafka.
  { name: 'notifications-relay', entry: 'services/relay/src/main.ts', image: 'relay', bundle: 'relay' },
  // The media projector (media_targets, attachments of deleted targets removed) with the sweeper beside it, and
  // the media subgraph (uploads by signed URL to S3, attachments); services/media/README.md.
  { name: 'media-projector', entry: 'services/media/src/projector-main.ts', image: 'media' },
  // Its file processor resizes with sharp (libvips, native); its PDF export reads pdfkit's and DejaVu's font files
  // from their packages at run time. The projector loads none of them.
  { name: 'media-subgraph', entry: 'services/media/src/subgraph-main.ts', image: 'media', port: { name: 'http', number: 4006 }, nativePackages: ['dejavu-fonts-ttf', 'pdfkit', 'sharp'] },
  // The relay over the media database: AttachmentAdded / AttachmentRemoved to Kafka.
  { name: 'media-relay', entry: 'services/relay/src/main.ts', image: 'relay', bundle: 'relay' },
  { name: 'notifier', entry: 'services/notifier/src/main.ts', image: 'notifier' },
  { name: 'gateway', entry: 'gateway/src/main.ts', image: 'gateway', port: { name: 'http', number: 4000 } },
  { name: 'migrate', entry: 'deploy/src/migrate/migrate-main.ts', image: 'migrate', oneShot: true },
];

/** The SPA is no bundled role, but a workload like one: compose service and k8s Deployment `client`. */
export const clientWorkload = { name: 'client', image: 'client', port: { name: 'http', number: 3000 } } as const;

/** The bundle file a role runs: `relay.mjs` for both relays. */
export const bundleOf = (role: Role) => `${role.bundle ?? role.name}.mjs`;

/** Roles that have a bundle of their own (the others run one of these). */
export const bundledRoles = () => roles.filter((r) => !r.bundle || r.bundle === r.name);

export function roleNamed(name: string): Role {
  const role = roles.find((r) => r.name === name);
  if (!role) throw new Error(`unknown role "${name}" (known: ${roles.map((r) => r.name).join(', ')})`);
  return role;
}

/** The roles an image carries, in roles.ts order. */
export const rolesOf = (image: Image) => roles.filter((r) => r.image === image.name);

/**
 * The build arguments of a Node image for docker/node-role.Dockerfile: the bundles it carries (ROLES), the
 * one it runs by default, that role's API port (EXPOSE) and the native add-ons its roles load
 * (NATIVE_PACKAGES, empty for most). docker-compose.yml passes exactly these (an empty one may be left out).
 */
export function buildArgsOf(image: Image): { ROLES: string; DEFAULT_ROLE: string; API_PORT: string; NATIVE_PACKAGES: string } {
  const carried = rolesOf(image).filter((r) => !r.pending && (!r.bundle || r.bundle === r.name));
  const defaultRole = carried.find((r) => r.name === image.defaultRole);
  return {
    ROLES: carried.map((r) => r.name).join(' '),
    DEFAULT_ROLE: image.defaultRole ?? '',
    API_PORT: defaultRole?.port ? String(defaultRole.port.number) : '',
    NATIVE_PACKAGES: [...new Set(carried.flatMap((r) => r.nativePackages ?? []))].sort().join(' '),
  };
}
