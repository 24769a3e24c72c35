// Every role's state, for the gateway's `/health/ready` body (issue 13). Information, not readiness: the gateway
// is ready when it can serve (its own checks); a projector restarting makes reads stale, not the gateway unable
// to answer, and a gateway that went unready whenever any role blinked would take the whole API down with it.
// Gathered in the background every few seconds, never while a probe waits (probe timeouts are ~1 s), and only while
// someone reads them: probing every role every 2 s for nobody was a good part of an idle system's work (issue 11).
import { readFile } from 'node:fs/promises';

/** One role as last seen. */
export interface RoleState {
  /** `ready`: its /health/ready answered 200; `not-ready`: it answered otherwise; `down`: no answer. Launcher
   *  states (`up`, `restarting`, `crash-looping`, `stopped`) when they come from its status file. */
  readonly state: string;
  readonly restarts?: number;
  readonly lastExit?: string;
  /** When this was seen (ISO). */
  readonly seenAt: string;
}

export interface RoleStates {
  /** Where the states come from: the roles' own `/health/ready` (GATEWAY_ROLE_HEALTH_URLS) and/or the launcher's status file. */
  readonly sources: readonly string[];
  readonly allReady: boolean;
  readonly roles: Readonly<Record<string, RoleState>>;
}

export interface RoleWatchOptions {
  /** name → a role's `/health/ready` URL (GATEWAY_ROLE_HEALTH_URLS). */
  readonly healthUrls: ReadonlyMap<string, string>;
  /** The launcher's status file (`npm start`, `npm run start:distributed`): its supervisor's view, restarts included. */
  readonly statusFile?: string;
  readonly everyMs?: number;
  /**
   * Looks stop this long after the last `snapshot` (a `/health/ready`), and start again with the next one, which
   * answers with the last states meanwhile (their `seenAt` says how old). Default 60 s; start-up counts as a read.
   */
  readonly whileReadMs?: number;
  readonly timeoutMs?: number;
}

export interface RoleWatch {
  snapshot(): RoleStates | undefined;
  /** Looks once now (tests; the first look at start-up). */
  refresh(): Promise<RoleStates>;
  close(): void;
}

/** `name=url,name=url` (GATEWAY_ROLE_HEALTH_URLS). */
export function parseRoleHealthUrls(value: string): Map<string, string> {
  const urls = new Map<string, string>();
  for (const item of value.split(',').map((s) => s.trim()).filter(Boolean)) {
    const at = item.indexOf('=');
    if (at <= 0) throw new Error(`GATEWAY_ROLE_HEALTH_URLS: "${item}" is not name=url`);
    urls.set(item.slice(0, at), new URL(item.slice(at + 1)).toString());
  }
  return urls;
}

export function watchRoles(options: RoleWatchOptions): RoleWatch {
  let last: RoleStates | undefined;
  let closed = false;
  const timeoutMs = options.timeoutMs ?? 1_000;

  const look = async (): Promise<RoleStates> => {
    const roles: Record<string, RoleState> = {};
    const sources: string[] = [];
    if (options.statusFile) {
      const launcher = await readFile(options.statusFile, 'utf8').then((text) => JSON.parse(text) as LauncherStatus, () => undefined);
      if (launcher) {
        sources.push('launcher');
        for (const role of launcher.roles ?? []) {
          roles[role.name] = { state: role.state, restarts: role.restarts, ...(role.lastExit ? { lastExit: role.lastExit } : {}), seenAt: launcher.updatedAt };
        }
      }
    }
    if (options.healthUrls.size > 0) {
      sources.push('health');
      await Promise.all([...options.healthUrls].map(async ([name, url]) => {
        const state = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) }).then((r) => (r.ok ? 'ready' : 'not-ready'), () => 'down');
        // The role's own answer is the fresher truth; the launcher's restart count stays.
        roles[name] = { ...roles[name], state, seenAt: new Date().toISOString() };
      }));
    }
    const states = Object.values(roles);
    last = { sources, allReady: states.length > 0 && states.every((r) => r.state === 'ready' || r.state === 'up'), roles };
    return last;
  };

  const everyMs = options.everyMs ?? 2_000;
  const whileReadMs = options.whileReadMs ?? 60_000;
  const watching = options.healthUrls.size > 0 || Boolean(options.statusFile);
  let readAt = Date.now();
  let looping = false;
  let timer: NodeJS.Timeout | undefined;
  const loop = () => {
    looping = !closed && Date.now() - readAt <= whileReadMs;
    if (!looping) return;
    void look().catch(() => undefined).finally(() => {
      if (closed) looping = false;
      else timer = setTimeout(loop, everyMs).unref();
    });
  };
  if (watching) loop();
  return {
    snapshot: () => {
      readAt = Date.now();
      if (watching && !looping) loop();
      return last;
    },
    refresh: look,
    close() {
      closed = true;
      clearTimeout(timer);
    },
  };
}

interface LauncherStatus {
  readonly updatedAt: string;
  readonly roles?: readonly { name: string; state: string; restarts: number; lastExit?: string }[];
}
