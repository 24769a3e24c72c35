// Vitest global setup of tools' e2e tier: the whole system per mode that the suites without settings of their own
// share (shared-e2e-system.ts). Started lazily, on a suite's first request (a run of one suite starts only what it
// uses), at most once per mode; stopped when the run ends. Test files run in workers, so they ask for it over a
// loopback HTTP endpoint whose address is provided to them; the systems live in this (the main) process.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TestProject } from 'vitest/node';
import type { Mode } from '../../system/index.js';
import { startE2eSystem, type E2eSystem } from './e2e-system.js';

const modes: readonly Mode[] = ['embedded', 'distributed'];

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const systems = new Map<Mode, Promise<E2eSystem>>();
  const systemOf = (mode: Mode): Promise<E2eSystem> => {
    let system = systems.get(mode);
    if (!system) {
      const started = performance.now();
      system = startE2eSystem(mode, 'e2e-shared');
      systems.set(mode, system);
      system.then(
        () => process.stderr.write(`[vitest] shared ${mode} system started in ${Math.round(performance.now() - started)} ms\n`),
        () => systems.delete(mode), // the next suite that asks tries again; this one reports the error
      );
    }
    return system;
  };

  const answer = (res: ServerResponse, status: number, body: object) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const mode = /^\/systems\/([a-z]+)$/.exec(req.url ?? '')?.[1] as Mode | undefined;
    if (req.method !== 'POST' || !mode || !modes.includes(mode)) return answer(res, 404, { error: `POST /systems/${modes.join('|')}` });
    try {
      answer(res, 200, { gatewayUrl: (await systemOf(mode)).system.gatewayUrl });
    } catch (error) {
      answer(res, 500, { error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    }
  };
  const server = createServer((req, res) => void handle(req, res));
  // A distributed start can take a minute on a loaded runner: no request timeout of Node's own.
  server.requestTimeout = 0;
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', resolve));
  project.provide('mindflowSharedE2eSystems', `http://127.0.0.1:${(server.address() as AddressInfo).port}`);

  return async () => {
    server.close();
    const started = await Promise.allSettled(systems.values());
    await Promise.all(started.flatMap((s) => (s.status === 'fulfilled' ? [s.value.stop()] : [])));
  };
}
