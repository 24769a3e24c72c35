import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { port } from './config.js';
import { runRole, type RunningRole } from './run-role.js';

const schema = z.object({ OPS_PORT: port(0) });
let running: RunningRole<unknown> | undefined;

afterEach(async () => {
  await running?.shutdown.close();
  running = undefined;
  vi.restoreAllMocks();
});

describe('runRole', () => {
  it('serves the role’s readiness on the ops server and closes its parts in reverse, the ops server first', async () => {
    const closed: string[] = [];
    let ready = false;
    running = await runRole({
      name: 'test-role',
      config: schema,
      start(_config, { onClose }) {
        onClose('first part', () => void closed.push('first part'));
        return Promise.resolve({ close: () => void closed.push('role') });
      },
      ready: () => ({ self: () => ready }),
    });
    const url = `http://127.0.0.1:${running.opsPort}/health/ready`;
    expect((await fetch(url)).status).toBe(503);
    ready = true;
    expect(await (await fetch(url)).json()).toEqual({ status: 'ready', checks: { self: true } });
    await running.shutdown.close();
    expect(closed).toEqual(['role', 'first part']);
    await expect(fetch(url)).rejects.toThrow();
  });

  it('closes what had started and exits with status 1 when start-up fails', async () => {
    const exit = vi.spyOn(process, 'exit').mockImplementation((code) => {
      throw new Error(`exit ${code}`);
    });
    const closed: string[] = [];
    const attempt = runRole({
      name: 'test-role',
      config: schema,
      start(_config, { onClose }) {
        onClose('first part', () => void closed.push('first part'));
        return Promise.reject(new Error('cannot start'));
      },
    });
    await expect(attempt).rejects.toThrow('exit 1');
    expect(exit).toHaveBeenCalledWith(1);
    expect(closed).toEqual(['first part']);
  });
});
