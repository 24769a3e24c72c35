import { afterEach, describe, expect, it } from 'vitest';
import { startOpsServer, type OpsServer } from './ops-server.js';

let server: OpsServer | undefined;
afterEach(async () => server?.close());

describe('ops server', () => {
  it('reports readiness from its checks and serves metrics', async () => {
    let ready = false;
    server = await startOpsServer({ port: 0, service: 'test', ready: { log: () => ready } });
    const base = `http://127.0.0.1:${server.port}`;
    expect((await fetch(`${base}/health/live`)).status).toBe(200);
    const notReady = await fetch(`${base}/health/ready`);
    expect(notReady.status).toBe(503);
    expect(await notReady.json()).toEqual({ status: 'not-ready', checks: { log: false } });
    ready = true;
    expect((await fetch(`${base}/health/ready`)).status).toBe(200);
    const metrics = await (await fetch(`${base}/metrics`)).text();
    expect(metrics).toMatch(/process_cpu_seconds_total\{service="test"\}/);
    // still measured, on a coarser timer (issue 11)
    expect(metrics).toMatch(/nodejs_eventloop_lag_p99_seconds\{service="test"\}/);
  });

  it('adds its details to /health/ready without letting them change the status', async () => {
    let ready = true;
    server = await startOpsServer({ port: 0, service: 'test', ready: { self: () => ready }, details: () => ({ roles: { other: { state: 'down' } } }) });
    const res = await fetch(`http://127.0.0.1:${server.port}/health/ready`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ready', checks: { self: true }, roles: { other: { state: 'down' } } });
    ready = false;
    expect((await fetch(`http://127.0.0.1:${server.port}/health/ready`)).status).toBe(503);
  });

  it('fails /health/live while a liveness check fails, naming it, and is live again once it passes', async () => {
    let consuming = false;
    server = await startOpsServer({ port: 0, service: 'test', live: { consuming: () => consuming, broken: () => { throw new Error('bug'); } } });
    const base = `http://127.0.0.1:${server.port}`;
    const dead = await fetch(`${base}/health/live`);
    expect(dead.status).toBe(503);
    expect(await dead.json()).toEqual({ status: 'not-live', checks: { consuming: false, broken: true } });
    consuming = true;
    const live = await fetch(`${base}/health/live`);
    expect(live.status).toBe(200);
    expect(await live.json()).toEqual({ status: 'live', checks: { consuming: true, broken: true } });
  });
});
