import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startOpsServer, type OpsServer } from '@mindflow/platform';
import { afterEach, describe, expect, it } from 'vitest';
import { parseRoleHealthUrls, watchRoles, type RoleWatch } from './role-states.js';

// Each returns what it returns (a promise or nothing): awaited either way.
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A role's ops server answering /health/ready with `status()`; returns its URL. */
async function fakeRole(status: () => number): Promise<{ url: string; server: Server }> {
  const server = createServer((_req, res) => res.writeHead(status()).end());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(() => new Promise((resolve) => server.close(resolve)));
  const address = server.address();
  return { url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/health/ready`, server };
}

function watch(...args: Parameters<typeof watchRoles>): RoleWatch {
  const w = watchRoles(...args);
  cleanups.push(() => w.close());
  return w;
}

describe('role states for the gateway\'s /health/ready', () => {
  it('reports each role as ready, not ready or down from its own /health/ready', async () => {
    const projector = await fakeRole(() => 200);
    const command = await fakeRole(() => 503);
    const gone = await fakeRole(() => 200);
    await new Promise((resolve) => gone.server.close(resolve));
    const roles = watch({ healthUrls: parseRoleHealthUrls(`query-projector=${projector.url},command=${command.url},relay=${gone.url}`), everyMs: 60_000 });
    const states = await roles.refresh();
    expect(Object.fromEntries(Object.entries(states.roles).map(([name, r]) => [name, r.state]))).toEqual({ 'query-projector': 'ready', command: 'not-ready', relay: 'down' });
    expect(states.allReady).toBe(false);
    expect(states.sources).toEqual(['health']);
  });

  it('takes the launcher\'s restarts and exits from its status file, and the roles\' own answers over its states', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'role-states-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    const statusFile = join(dir, 'status.json');
    await writeFile(statusFile, JSON.stringify({
      updatedAt: '2026-12-06T10:00:00.000Z',
      roles: [
        { name: 'query-projector', state: 'restarting', restarts: 2, lastExit: 'signal SIGKILL' },
        { name: 'gateway', state: 'up', restarts: 0 },
      ],
    }));
    const projector = await fakeRole(() => 200);
    const states = await watch({ healthUrls: parseRoleHealthUrls(`query-projector=${projector.url}`), statusFile, everyMs: 60_000 }).refresh();
    expect(states.roles['query-projector']).toMatchObject({ state: 'ready', restarts: 2, lastExit: 'signal SIGKILL' });
    expect(states.roles['gateway']).toMatchObject({ state: 'up', restarts: 0 });
    expect(states.allReady).toBe(true);
    expect(states.sources).toEqual(['launcher', 'health']);
  });

  it('never makes the gateway\'s readiness flap: a role going down changes the body, not the status, and answers at once', async () => {
    let up = true;
    const projector = await fakeRole(() => (up ? 200 : 503));
    const roles = watch({ healthUrls: parseRoleHealthUrls(`query-projector=${projector.url}`), everyMs: 50 });
    const ops: OpsServer = await startOpsServer({
      port: 0, service: 'gateway', ready: { graphql: () => true },
      details: () => ({ roles: roles.snapshot()?.roles ?? {} }),
    });
    cleanups.push(() => ops.close());
    const ready = async () => {
      const res = await fetch(`http://127.0.0.1:${ops.port}/health/ready`);
      return { status: res.status, body: (await res.json()) as { roles: Record<string, { state: string }> } };
    };
    await expect.poll(async () => (await ready()).body.roles['query-projector']?.state, { timeout: 10_000 }).toBe('ready');
    up = false;
    await expect.poll(async () => (await ready()).body.roles['query-projector']?.state, { timeout: 10_000 }).toBe('not-ready');
    expect((await ready()).status).toBe(200);
  });

  it('probes the roles only while someone reads the states, and again from the next read (issue 11)', async () => {
    let probes = 0;
    const projector = await fakeRole(() => (probes++, 200));
    const roles = watch({ healthUrls: parseRoleHealthUrls(`query-projector=${projector.url}`), everyMs: 20, whileReadMs: 150 });
    await expect.poll(() => roles.snapshot()?.roles['query-projector']?.state, { timeout: 5_000 }).toBe('ready');
    await new Promise((resolve) => setTimeout(resolve, 400)); // unread for longer than whileReadMs: it stopped
    const stoppedAt = probes;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(probes).toBe(stoppedAt); // at a 20 ms pace it would have probed ~15 more times
    const stale = roles.snapshot(); // answers at once with the last states, and starts looking again
    expect(stale?.roles['query-projector']?.state).toBe('ready');
    await expect.poll(() => probes, { timeout: 5_000 }).toBeGreaterThan(stoppedAt + 2);
  });

  it('refuses a malformed GATEWAY_ROLE_HEALTH_URLS', () => {
    expect(() => parseRoleHealthUrls('query-projector')).toThrow(/name=url/);
    expect(parseRoleHealthUrls('')).toEqual(new Map());
  });
});
