import { existsSync } from 'node:fs';
import { request } from 'node:http';
import { homedir } from 'node:os';
import { join } from 'node:path';

// Asked once per process: testcontainers itself can take many seconds to give up on a missing engine,
// so we ping the engine's API with a short timeout before handing over to it.
let answer: Promise<boolean> | undefined;

/** Whether a Docker engine answers (set MINDFLOW_TEST_DOCKER=off to use tools/infra even when it does). */
export function dockerEngineAnswers(): Promise<boolean> {
  answer ??= ping();
  return answer;
}

function candidates(): Array<{ socketPath: string } | { host: string; port: number }> {
  const dockerHost = process.env['DOCKER_HOST'];
  if (dockerHost?.startsWith('unix://')) return [{ socketPath: dockerHost.slice('unix://'.length) }];
  if (dockerHost?.startsWith('tcp://')) {
    const url = new URL(dockerHost.replace(/^tcp:/, 'http:'));
    return [{ host: url.hostname, port: Number(url.port || 2375) }];
  }
  const runtimeDir = process.env['XDG_RUNTIME_DIR'];
  return [
    process.env['TESTCONTAINERS_DOCKER_SOCKET_OVERRIDE'],
    '/var/run/docker.sock',
    runtimeDir && join(runtimeDir, 'docker.sock'),
    join(homedir(), '.docker', 'run', 'docker.sock'),
    join(homedir(), '.docker', 'desktop', 'docker.sock'),
  ]
    .filter((path): path is string => !!path && existsSync(path))
    .map((socketPath) => ({ socketPath }));
}

async function ping(): Promise<boolean> {
  if (process.env['MINDFLOW_TEST_DOCKER'] === 'off') return false;
  for (const target of candidates()) {
    const ok = await new Promise<boolean>((resolve) => {
      const req = request({ ...target, path: '/_ping', method: 'GET', timeout: 1_500 }, (res) => {
        res.resume();
        resolve(res.statusCode === 200);
      });
      req.on('timeout', () => req.destroy());
      req.on('error', () => resolve(false));
      req.end();
    });
    if (ok) return true;
  }
  return false;
}
