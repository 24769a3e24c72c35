// `npm run status`: the roles of the running `npm start` / `npm run start:distributed`, as its supervisor sees them.
import { readFile } from 'node:fs/promises';
import { statusFile, type LauncherStatus } from './launcher.js';

const text = await readFile(statusFile, 'utf8').catch(() => undefined);
if (!text) {
  console.log('MindFlow is not running (no launcher status): start it with `npm start`.');
  process.exit(1);
}
const status = JSON.parse(text) as LauncherStatus;
let alive = true;
try {
  process.kill(status.launcherPid, 0);
} catch {
  alive = false;
}
if (!alive) {
  console.log(`MindFlow is not running: its launcher (pid ${status.launcherPid}) is gone; last status from ${status.updatedAt}.`);
  process.exit(1);
}
console.log(`MindFlow (${status.mode}), launcher pid ${status.launcherPid}; API ${status.gatewayUrl}${status.appUrl ? `, app ${status.appUrl}` : ''}`);
const width = Math.max(...status.roles.map((r) => r.name.length));
for (const role of status.roles) {
  const last = role.lastExit ? `   last died: ${role.lastExit} at ${role.lastExitAt}` : '';
  console.log(`  ${role.name.padEnd(width)}  ${role.state.padEnd(13)} pid ${String(role.pid ?? '-').padEnd(7)} restarts ${role.restarts}${last}`);
}
process.exit(status.roles.every((r) => r.state === 'up') ? 0 : 2);
