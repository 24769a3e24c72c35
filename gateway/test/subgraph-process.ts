import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { freePort, repoRoot } from '@mindflow/platform';

const tsx = createRequire(import.meta.url).resolve('tsx');

export interface SubgraphProcess {
  readonly url: string;
  stop(): Promise<void>;
}

/**
 * Runs a subgraph's real `main` as its own process (as in production), so the gateway is tested in front
 * of the real thing without importing a service's internals. Resolves once its ops server says ready.
 */
export async function startSubgraphProcess(entry: string, portEnv: string, env: Record<string, string>): Promise<SubgraphProcess> {
  // Its port must be known before it starts (the gateway is told it): probed, and probed again if someone took it
  // before the subgraph could listen (EADDRINUSE: two test files starting at once). Its ops port is the OS's
  // choice (0), read back from the line it prints (libs/platform announceListening).
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnce(entry, portEnv, env, await freePort());
    } catch (error) {
      if (!(error instanceof PortTaken) || attempt >= 5) throw error;
    }
  }
}

class PortTaken extends Error {}

async function startOnce(entry: string, portEnv: string, env: Record<string, string>, port: number): Promise<SubgraphProcess> {
  const output: string[] = [];
  let opsPort: number | undefined;
  const child: ChildProcess = spawn(process.execPath, ['--import', tsx, join(repoRoot, entry)], {
    env: { ...process.env, ...env, [portEnv]: String(port), OPS_PORT: '0', MINDFLOW_ANNOUNCE_PORTS: '1', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => {
    const text = chunk.toString();
    const announced = /mindflow:listening OPS_PORT=(\d+)/.exec(text);
    if (announced) opsPort = Number(announced[1]);
    output.push(text);
  });
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) {
      const text = output.join('');
      if (text.includes('EADDRINUSE') && text.includes(`:${port}`)) throw new PortTaken(`${entry}: port ${port} taken`);
      throw new Error(`${entry} exited during start-up:\n${text}`);
    }
    const ready = opsPort !== undefined && (await fetch(`http://127.0.0.1:${opsPort}/health/ready`).then((r) => r.ok, () => false));
    if (ready) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${entry} did not become ready in 60 s:\n${output.join('')}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
