// A lean keep-alive JSON-over-HTTP client for the load generator: node:http with one agent per target,
// so the client spends as little of the machine's two cores as it can, the same way for every target.
import { Agent, request } from 'node:http';

export interface JsonResponse<T> {
  readonly status: number;
  readonly body: T;
}

export class JsonClient {
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 256 });
  private readonly url: URL;

  constructor(url: string, private readonly headers: Record<string, string> = {}) {
    this.url = new URL(url);
  }

  post<T>(payload: unknown, headers: Record<string, string> = {}): Promise<JsonResponse<T>> {
    const body = Buffer.from(JSON.stringify(payload));
    return new Promise((resolve, reject) => {
      const req = request(
        {
          agent: this.agent,
          host: this.url.hostname,
          port: this.url.port,
          path: this.url.pathname + this.url.search,
          method: 'POST',
          headers: { 'content-type': 'application/json', 'content-length': String(body.length), ...this.headers, ...headers },
          timeout: 30_000,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => {
            try {
              resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as T });
            } catch (error) {
              reject(error instanceof Error ? error : new Error(String(error)));
            }
          });
          res.on('error', reject);
        },
      );
      req.on('timeout', () => req.destroy(new Error('request timed out after 30 s')));
      req.on('error', reject);
      req.end(body);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

export interface GraphQLBody<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** POSTs a GraphQL operation and returns its data, throwing on any error (an error counts as a failed request). */
export async function graphql<T>(client: JsonClient, query: string, variables: Record<string, unknown>, headers: Record<string, string> = {}): Promise<T> {
  const { status, body } = await client.post<GraphQLBody<T>>({ query, variables }, headers);
  if (status !== 200 || body.errors?.length || !body.data) {
    throw new Error(`GraphQL ${status}: ${JSON.stringify(body.errors ?? body).slice(0, 300)}`);
  }
  return body.data;
}
