import http from 'node:http';
import https from 'node:https';

/** Set (to `yes`) on a request that may be sent twice, a read; the fetcher removes it before sending. */
export const retryableHeader = 'x-mindflow-retryable';

/** What Apollo's data source sends (`RemoteGraphQLDataSource.sendRequest`): a method, plain headers, a string body. */
export interface SubgraphRequestInit {
  readonly method?: string;
  readonly headers?: Record<string, string>;
  readonly body?: string;
}

/**
 * The gateway's HTTP client for subgraph calls: `node:http` on keep-alive connections, the whole answer
 * buffered, handed to Apollo as the small part of a fetch `Response` it reads (status, headers, text/json).
 * Node's `fetch` cost three to four times the CPU per call (measured: ≈1.0–1.6 ms against ≈0.25–0.48 ms
 * client + server on this machine, BENCHMARKS.md "Gateway"), its WHATWG streams and objects built for every
 * request; a subgraph call needs none of them.
 *
 * A `400` carrying a GraphQL response (GraphQL over HTTP: a request the subgraph refused, e.g. a variable of a
 * custom scalar such as `Date` it could not coerce, answered `BAD_USER_INPUT`) reaches Apollo as the GraphQL
 * response it is: Apollo's data source reads every non-2xx as a broken subgraph and would answer the client
 * `INTERNAL_SERVER_ERROR`, and the gateway cannot check those scalars itself (they are opaque in the supergraph).
 */
export function subgraphFetch(options: { maxSockets?: number; timeoutMs?: number; idleMs?: number } = {}) {
  // `timeout` is the idle time after which a pooled connection is closed (a request in flight has `timeoutMs`).
  const agentOptions = { keepAlive: true, maxSockets: options.maxSockets ?? 256, scheduling: 'lifo' as const, timeout: options.idleMs ?? 2_000 };
  const agents = { 'http:': new http.Agent(agentOptions), 'https:': new https.Agent(agentOptions) };
  const timeoutMs = options.timeoutMs ?? 300_000;

  /**
   * One retry, on a new connection, of a read that failed on a reused keep-alive connection before any answer
   * (ECONNRESET, EPIPE): the subgraph closed that idle connection as the request went out, or it failed some other
   * way after reading it — the client cannot tell which. A read is safe to send again; a mutation is not (a
   * subgraph that ran it and then died must not run it twice), so only requests marked `retryableHeader` (the
   * caller data source marks queries) are retried. The race itself is made rare: idle connections are dropped
   * after `idleMs` (2 s), well before a subgraph closes them (Node's servers: 5 s). This was issue 13's "one 500 on
   * createEntry at high load" (RELIABILITY.md): a loaded event loop overran Node's 1 s margin.
   */
  const fetcher = async (url: string, asked: SubgraphRequestInit = {}): Promise<BufferedResponse> => {
    const { [retryableHeader]: retryable, ...headers } = asked.headers ?? {};
    const init = { ...asked, headers };
    try {
      return await send(url, init);
    } catch (error) {
      if (!(error instanceof StaleConnectionError) || retryable !== 'yes') throw error;
      // on a connection of its own: the pool's other idle ones were closed by the same subgraph just as likely
      return send(url, init, true);
    }
  };

  const send = (url: string, init: SubgraphRequestInit, fresh = false): Promise<BufferedResponse> =>
    new Promise((resolve, reject) => {
      const target = new URL(url);
      const client = target.protocol === 'https:' ? https : http;
      const agent = agents[target.protocol as keyof typeof agents];
      if (!agent) return reject(new TypeError(`a subgraph URL must be http or https: ${url}`));
      const body = init.body === undefined ? undefined : Buffer.from(init.body, 'utf8');
      const headers: Record<string, string | number> = { ...init.headers };
      if (body) headers['content-length'] = body.length;
      const request = client.request(target, { method: init.method ?? 'GET', headers, agent: fresh ? false : agent }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () => resolve(asGraphQLAware(new BufferedResponse(url, response.statusCode ?? 0, response.statusMessage ?? '', response.headers, Buffer.concat(chunks)))));
      });
      request.setTimeout(timeoutMs, () => request.destroy(new Error(`subgraph ${target.host} did not answer within ${timeoutMs} ms`)));
      let answered = false;
      request.once('response', () => (answered = true));
      request.on('error', (error: NodeJS.ErrnoException) => {
        const stale = request.reusedSocket && !answered && (error.code === 'ECONNRESET' || error.code === 'EPIPE');
        reject(stale ? new StaleConnectionError(error) : error);
      });
      request.end(body);
    });
  return Object.assign(fetcher, {
    /** Closes the idle keep-alive connections (the gateway stopping). */
    close(): void {
      agents['http:'].destroy();
      agents['https:'].destroy();
    },
  });
}

/** A reused keep-alive connection the subgraph had closed: the request never reached it. */
class StaleConnectionError extends Error {
  readonly code: string | undefined;
  constructor(override readonly cause: NodeJS.ErrnoException) {
    super(`stale keep-alive connection: ${cause.message}`);
    this.code = cause.code;
  }
}

function asGraphQLAware(response: BufferedResponse): BufferedResponse {
  if (response.status !== 400 || !/^application\/(graphql-response\+)?json\b/.test(response.headers.get('content-type') ?? '')) return response;
  try {
    const body = JSON.parse(response.bodyText) as { errors?: unknown };
    if (Array.isArray(body.errors) && body.errors.length > 0) return response.withStatus(200, 'OK');
  } catch {
    // not JSON after all: the 400 stands
  }
  return response;
}

/** The headers of an answer, read the way fetch's `Headers` reads them (case-insensitive, repeated ones joined). */
export class ResponseHeaders {
  readonly #fields: http.IncomingHttpHeaders;
  constructor(fields: http.IncomingHttpHeaders) {
    this.#fields = fields;
  }
  get(name: string): string | null {
    const value = this.#fields[name.toLowerCase()];
    return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
  }
  has(name: string): boolean {
    return this.#fields[name.toLowerCase()] !== undefined;
  }
  /** Each `Set-Cookie` apart (they cannot be joined with commas), as fetch's `Headers.getSetCookie`. */
  getSetCookie(): string[] {
    return [...(this.#fields['set-cookie'] ?? [])];
  }
  *entries(): IterableIterator<[string, string]> {
    for (const key of Object.keys(this.#fields)) yield [key, this.get(key)!];
  }
  *keys(): IterableIterator<string> {
    yield* Object.keys(this.#fields);
  }
  *values(): IterableIterator<string> {
    for (const key of Object.keys(this.#fields)) yield this.get(key)!;
  }
  forEach(callback: (value: string, key: string) => void): void {
    for (const [key, value] of this.entries()) callback(value, key);
  }
  [Symbol.iterator](): IterableIterator<[string, string]> {
    return this.entries();
  }
}

/** An answer read to its end: what Apollo's data source uses of a fetch `Response`. */
export class BufferedResponse {
  readonly headers: ResponseHeaders;
  readonly redirected = false;
  private used = false;

  constructor(
    readonly url: string,
    readonly status: number,
    readonly statusText: string,
    private readonly rawHeaders: http.IncomingHttpHeaders,
    private readonly body: Buffer,
  ) {
    this.headers = new ResponseHeaders(rawHeaders);
  }

  get ok(): boolean {
    return this.status >= 200 && this.status < 300;
  }

  get bodyUsed(): boolean {
    return this.used;
  }

  /** The body as text, without marking it read (for the gateway's own look at a 400). */
  get bodyText(): string {
    return this.body.toString('utf8');
  }

  text(): Promise<string> {
    this.used = true;
    return Promise.resolve(this.bodyText);
  }

  async json(): Promise<unknown> {
    return JSON.parse(await this.text());
  }

  arrayBuffer(): Promise<ArrayBuffer> {
    this.used = true;
    return Promise.resolve(this.body.buffer.slice(this.body.byteOffset, this.body.byteOffset + this.body.byteLength) as ArrayBuffer);
  }

  clone(): BufferedResponse {
    return new BufferedResponse(this.url, this.status, this.statusText, this.rawHeaders, this.body);
  }

  withStatus(status: number, statusText: string): BufferedResponse {
    return new BufferedResponse(this.url, status, statusText, this.rawHeaders, this.body);
  }
}
