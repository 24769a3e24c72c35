// Ports of the processes a test system starts (issue 13): ops ports bound by the OS (port 0, read back from the
// process's announcement), and a port that must be told in advance re-picked when it was taken between the probe
// and the bind — the race two systems starting at once run (EADDRINUSE). Real processes, ports really taken.
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { freePort } from '@mindflow/platform';
import { afterEach, describe, expect, it } from 'vitest';
import { PortInUseError, ServiceProcess } from './service-process.js';
import { startWithPortRetry } from './system.js';
import { answers } from './wait-until.js';

const fakeRole = join(import.meta.dirname, 'test', 'fake-role.ts');
const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
});

/** Someone else holding `port` (another test's server that bound it first). */
async function occupy(port: number): Promise<Server> {
  const server = createServer((socket) => socket.destroy());
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, '127.0.0.1', resolve));
  cleanups.push(() => new Promise((resolve) => server.close(resolve)));
  return server;
}

function role(env: Record<string, string> = {}, opsPort = 0): ServiceProcess {
  const service = new ServiceProcess({ name: 'fake', entry: fakeRole, env, opsPort }, null);
  cleanups.push(() => service.stop());
  return service;
}

describe('ports of a test system', () => {
  it('an ops port of 0 is bound by the OS and read back; a restart binds the same one', async () => {
    const service = role();
    await service.start();
    const port = service.boundOpsPort;
    expect(port).toBeGreaterThan(0);
    expect(await answers(service.readyUrl)).toBe(true);
    await service.kill();
    await service.start();
    expect(service.boundOpsPort).toBe(port); // what others were told (the gateway's role list) stays true
  }, 60_000);

  it('a restart whose ops port was taken meanwhile gets another from the OS instead of failing', async () => {
    const service = role();
    await service.start();
    const port = service.boundOpsPort;
    await service.kill();
    await occupy(port);
    await service.start();
    expect(service.boundOpsPort).not.toBe(port);
    expect(await answers(service.readyUrl)).toBe(true);
  }, 60_000);

  it('a probed port taken before the process binds it fails its start with PortInUseError (the probe\'s race)', async () => {
    const probed = await freePort();
    await occupy(probed); // someone else bound it between our probe and our child's listen
    const error = await role({ MAIN_PORT: String(probed) }).start().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PortInUseError);
    expect((error as PortInUseError).port).toBe(probed);
  }, 60_000);

  it('startWithPortRetry picks another port and starts it again, as startSystem does for every role', async () => {
    let mainPort = await freePort();
    const taken = mainPort;
    await occupy(taken);
    const repicked: number[] = [];
    const service = await startWithPortRetry(
      () => role({ MAIN_PORT: String(mainPort) }),
      async (port) => {
        if (port !== mainPort) return false;
        repicked.push(port);
        mainPort = await freePort();
        return true;
      },
    );
    cleanups.push(() => service.stop());
    expect(repicked).toEqual([taken]);
    expect(mainPort).not.toBe(taken);
    expect(await answers(service.readyUrl)).toBe(true);
    expect(await fetch(`http://127.0.0.1:${mainPort}/`).then((r) => r.text())).toBe('main');
  }, 60_000);

  it('a port the caller chose (npm start\'s 4000) is not moved: the collision is reported', async () => {
    const chosen = await freePort();
    await occupy(chosen);
    await expect(startWithPortRetry(() => role({ MAIN_PORT: String(chosen) }), () => Promise.resolve(false))).rejects.toBeInstanceOf(PortInUseError);
  }, 60_000);
});
