import { createServer, type Server, type ServerResponse } from 'node:http';
import { Registry, collectDefaultMetrics } from 'prom-client';
import { announceListening } from './announce.js';

/** Period of the event-loop delay sampling behind `nodejs_eventloop_lag_*` (ms). */
const eventLoopSampleMs = 100;

export type ReadinessCheck = () => Promise<boolean> | boolean;
/** A liveness check: answers at once from what the process already knows (a probe's timeout is short). */
export type LivenessCheck = () => boolean;

export interface OpsServer {
  readonly port: number;
  readonly metrics: Registry;
  close(): Promise<void>;
}

/**
 * The operational endpoints every process serves: `/health/live` (the process runs, and every liveness check
 * passes: a failing one asks the orchestrator for a restart),
 * `/health/ready` (every readiness check passes) and `/metrics` (Prometheus text format).
 */
export async function startOpsServer(options: {
  port: number;
  host?: string;
  service: string;
  ready?: Record<string, ReadinessCheck>;
  /** `/health/live`'s checks (none: live while it answers). Only for states a restart of the process can cure. */
  live?: Record<string, LivenessCheck>;
  /**
   * More of `/health/ready`'s body, for people (e.g. the gateway's view of every role): information only, it
   * never changes the status, and it must answer at once (a probe's timeout is short), so gather it elsewhere.
   */
  details?: () => Record<string, unknown>;
  metrics?: Registry;
}): Promise<OpsServer> {
  const metrics = options.metrics ?? new Registry();
  metrics.setDefaultLabels({ service: options.service });
  // The event-loop delay histogram samples on a timer of this period: prom-client's default, 10 ms, wakes every
  // process 100 times a second and cost an idle one ~3 ms of CPU per second (issue 11, ×13 processes); at 100 ms
  // a stall long enough to matter still shows in the histogram.
  collectDefaultMetrics({ register: metrics, eventLoopMonitoringPrecision: eventLoopSampleMs });
  const checks = options.ready ?? {};

  const server: Server = createServer((req, res) => {
    void (async () => {
      if (req.url === '/health/live') {
        const entries = Object.entries(options.live ?? {});
        if (entries.length === 0) return send(res, 200, { status: 'live' });
        const checks = Object.fromEntries(entries.map(([name, check]) => [name, safely(check)]));
        const ok = Object.values(checks).every(Boolean);
        return send(res, ok ? 200 : 503, { status: ok ? 'live' : 'not-live', checks });
      }
      if (req.url === '/health/ready') {
        const results = await runChecks(checks);
        const ok = Object.values(results).every(Boolean);
        let details: Record<string, unknown> = {};
        try {
          details = options.details?.() ?? {};
        } catch (error) {
          details = { detailsError: String(error) };
        }
        return send(res, ok ? 200 : 503, { ...details, status: ok ? 'ready' : 'not-ready', checks: results });
      }
      if (req.url === '/metrics') {
        res.writeHead(200, { 'content-type': metrics.contentType });
        return res.end(await metrics.metrics());
      }
      send(res, 404, { error: 'not found' });
    })().catch((error: unknown) => send(res, 500, { error: String(error) }));
  });
  // Loopback unless told otherwise; containers set OPS_HOST=0.0.0.0 so kubelet probes and Prometheus reach it.
  const host = options.host ?? (process.env['OPS_HOST'] || '127.0.0.1');
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  // OPS_PORT=0: the OS picked it; a parent that asked (MINDFLOW_ANNOUNCE_PORTS) reads it back.
  announceListening('OPS_PORT', port);
  return {
    port,
    metrics,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

async function runChecks(checks: Record<string, ReadinessCheck>): Promise<Record<string, boolean>> {
  const entries = await Promise.all(
    Object.entries(checks).map(async ([name, check]) => [name, await Promise.resolve(check()).catch(() => false)] as const),
  );
  return Object.fromEntries(entries);
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

/** A liveness check that throws counts as passing: a bug in a check must not have the process restarted forever. */
function safely(check: LivenessCheck): boolean {
  try {
    return check();
  } catch {
    return true;
  }
}
