import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const tsx = createRequire(import.meta.url).resolve('tsx');
const announce = fileURLToPath(new URL('./announce.ts', import.meta.url));

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('a launched process', () => {
  it('ends once its launcher is gone (killed with SIGKILL, no chance to stop it)', async () => {
    // the child: announces a port like a role does, then would run forever
    const child = `import { announceListening } from ${JSON.stringify(announce)}; announceListening('OPS_PORT', 1); setInterval(() => {}, 1000);`;
    // the launcher: starts it as the test systems do, says its pid, runs until killed
    const launcher = `const c = require('node:child_process').spawn(process.execPath, ['--import', ${JSON.stringify(tsx)}, '--input-type=module', '-e', ${JSON.stringify(child)}], { env: { ...process.env, MINDFLOW_ANNOUNCE_PORTS: '1' }, stdio: ['ignore', 'inherit', 'inherit'] }); console.log('CHILD=' + c.pid); setInterval(() => {}, 1000);`;
    const parent = spawn(process.execPath, ['-e', launcher], { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    parent.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const deadline = Date.now() + 30_000;
    while (!/CHILD=\d+[\s\S]*mindflow:listening OPS_PORT=1/.test(output) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    const pid = Number(/CHILD=(\d+)/.exec(output)?.[1]);
    expect(output).toContain('mindflow:listening OPS_PORT=1');
    expect(alive(pid)).toBe(true);

    parent.kill('SIGKILL');
    const gone = Date.now() + 5_000;
    while (alive(pid) && Date.now() < gone) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(alive(pid)).toBe(false);
  }, 60_000);
});
