// Many graphql-ws (`graphql-transport-ws`) clients in one process, for the subscription-scale benchmark: the
// protocol spoken directly on `ws` (connection_init → connection_ack, subscribe, next), no retry machinery, so
// that ten thousand of them fit in the bench process and each message is stamped on arrival, before parsing.
import { setTimeout as sleep } from 'node:timers/promises';
import WebSocket from 'ws';

export interface SwarmSocket {
  readonly index: number;
  readonly socket: WebSocket;
  /** Connect → connection_ack, ms. */
  readonly ackMs: number;
}

export interface SwarmOptions {
  readonly url: string;
  /** Token of socket `i` (sent as connectionParams.authorization). */
  readonly tokenOf: (index: number) => string;
  readonly count: number;
  /** Handshakes in flight at once. */
  readonly concurrency: number;
  readonly timeoutMs: number;
  /** Every `next` message: socket index, its payload (parsed) and when it arrived (performance.now()). */
  readonly onNext: (index: number, payload: unknown, at: number) => void;
}

export interface SwarmConnect {
  readonly sockets: readonly SwarmSocket[];
  /** First connect → last ack, ms. */
  readonly elapsedMs: number;
  /** Handshakes that failed or closed early, and why the first did. */
  readonly failures: number;
  readonly firstFailure?: string;
  /** Sockets closed after their ack, by close code (e.g. a slow consumer's). */
  readonly closes: Map<number, number>;
}

/** Opens `count` sockets, `concurrency` handshakes at a time; resolves when every one is acked or failed. */
export async function connectSwarm(options: SwarmOptions): Promise<SwarmConnect> {
  const sockets: SwarmSocket[] = [];
  const closes = new Map<number, number>();
  let failures = 0;
  let firstFailure: string | undefined;
  let next = 0;
  const started = performance.now();
  const deadline = Date.now() + options.timeoutMs;
  const one = (index: number) =>
    new Promise<void>((resolve) => {
      const begun = performance.now();
      const socket = new WebSocket(options.url, 'graphql-transport-ws', { perMessageDeflate: false, handshakeTimeout: options.timeoutMs });
      let acked = false;
      const fail = (why: string) => {
        if (acked) return;
        acked = true; // settled
        failures += 1;
        firstFailure ??= why;
        socket.terminate();
        resolve();
      };
      socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${options.tokenOf(index)}` } })));
      socket.on('error', (error) => fail(String(error)));
      socket.on('close', (code, reason) => {
        if (!acked) return fail(`closed ${code} ${reason.toString()} before the ack`);
        closes.set(code, (closes.get(code) ?? 0) + 1);
      });
      socket.on('message', (data: Buffer) => {
        const at = performance.now();
        const message = JSON.parse(data.toString()) as { type: string; id?: string; payload?: unknown };
        if (message.type === 'next') options.onNext(index, message.payload, at);
        else if (message.type === 'connection_ack' && !acked) {
          acked = true;
          sockets.push({ index, socket, ackMs: at - begun });
          resolve();
        } else if (message.type === 'ping') socket.send('{"type":"pong"}');
      });
    });
  await Promise.all(
    Array.from({ length: Math.min(options.concurrency, options.count) }, async () => {
      while (next < options.count && Date.now() < deadline) await one(next++);
    }),
  );
  const elapsedMs = performance.now() - started;
  if (next < options.count) {
    failures += options.count - next;
    firstFailure ??= `${options.count - next} sockets not attempted within ${options.timeoutMs} ms`;
  }
  sockets.sort((a, b) => a.index - b.index);
  return { sockets, elapsedMs, failures, ...(firstFailure ? { firstFailure } : {}), closes };
}

/** Sends one `subscribe` on every socket (id "1"), yielding to the event loop every `batch` sends. */
export async function subscribeAll(sockets: readonly SwarmSocket[], query: string, batch = 200): Promise<void> {
  const message = JSON.stringify({ id: '1', type: 'subscribe', payload: { query } });
  for (let i = 0; i < sockets.length; i++) {
    sockets[i]!.socket.send(message);
    if (i % batch === batch - 1) await sleep(1);
  }
}

/** Ends every socket at once (no close handshake: the server sees them go as a dropped connection would). */
export function terminateAll(sockets: readonly SwarmSocket[]): void {
  for (const { socket } of sockets) socket.terminate();
}

/** A process's resident set (VmRSS) and its peak (VmHWM), bytes, from /proc/<pid>/status. */
export async function residentBytes(pid: number): Promise<{ rss: number; peak: number }> {
  const { readFile } = await import('node:fs/promises');
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN) * 1024;
  return { rss: kib('VmRSS'), peak: kib('VmHWM') };
}
