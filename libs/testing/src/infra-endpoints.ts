import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { findRepoRoot } from './repo-root.js';
import type { ServerName } from './server-names.js';
import { serverInfo } from './server-names.js';

/** Where tools/infra writes the addresses of the servers it started (`npm run infra:up`). */
export function infraEndpointsPath(): string {
  return join(findRepoRoot(), '.cache', 'infra', 'endpoints.json');
}

/**
 * The address tools/infra recorded for one server, or a sentence saying why there is none
 * (used in the error message of a missing server).
 */
export async function infraEndpoint(server: ServerName): Promise<{ address: string } | { missing: string }> {
  const path = infraEndpointsPath();
  let endpoints: Record<string, unknown>;
  try {
    endpoints = JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'does not exist' : `cannot be read (${String(error)})`;
    return { missing: `${path} ${reason}` };
  }
  const address = endpoints[serverInfo[server].endpointKey];
  return typeof address === 'string' && address !== ''
    ? { address }
    : { missing: `${path} has no ${serverInfo[server].endpointKey} (tools/infra has not started it, or stopped it)` };
}
