import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One scripted answer of the fake Messages API, used for the next request (`analysis`: any JSON body, as the reply's text). */
export type ScriptedReply =
  | { readonly kind: 'analysis'; readonly body: unknown; readonly delayMs?: number }
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'status'; readonly status: number; readonly retryAfter?: string }
  | { readonly kind: 'hang' };

export interface RecordedRequest {
  readonly path: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: {
    model: string;
    system?: string;
    messages: { role: string; content: string }[];
    /** Structured output's format (`messages.parse` with `zodOutputFormat`): `{ format: { type: 'json_schema', schema } }`. */
    output_config?: { format?: { type: string; schema?: Record<string, unknown> } };
  };
  readonly at: number;
}

export interface FakeMessagesApi {
  /** The base URL for the SDK's `baseURL`. */
  readonly url: string;
  /** Queues replies; when the queue is empty a default analysis is answered. */
  script(...replies: ScriptedReply[]): void;
  readonly requests: RecordedRequest[];
  /** The most requests that were open at the same time. */
  maxConcurrent(): number;
  close(): Promise<void>;
}

export const defaultFakeAnalysis = {
  sentiment: 0.5,
  themes: ['work'],
  summary: 'You had a steady day at work.',
  suggestions: ['Take a short walk tomorrow.'],
};

/**
 * A local HTTP server that speaks enough of the Anthropic Messages API (`POST /v1/messages`) for the real
 * SDK: success, malformed output, error statuses with `retry-after`, and a hang (the client's timeout).
 */
export async function startFakeMessagesApi(): Promise<FakeMessagesApi> {
  const queue: ScriptedReply[] = [];
  const requests: RecordedRequest[] = [];
  const hanging = new Set<ServerResponse>();
  let open = 0;
  let mostOpen = 0;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      if (req.method !== 'POST' || !req.url?.startsWith('/v1/messages')) {
        send(res, 404, { type: 'error', error: { type: 'not_found_error', message: 'not found' } });
        return;
      }
      open += 1;
      mostOpen = Math.max(mostOpen, open);
      res.on('close', () => (open -= 1));
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as RecordedRequest['body'];
      requests.push({ path: req.url, headers: req.headers, body, at: Date.now() });
      const reply = queue.shift() ?? { kind: 'analysis', body: defaultFakeAnalysis };
      switch (reply.kind) {
        case 'analysis':
          setTimeout(() => send(res, 200, message(body.model, JSON.stringify(reply.body))), reply.delayMs ?? 0);
          return;
        case 'text':
          send(res, 200, message(body.model, reply.text));
          return;
        case 'status': {
          const type = reply.status === 429 ? 'rate_limit_error' : reply.status === 529 ? 'overloaded_error' : 'api_error';
          send(res, reply.status, { type: 'error', error: { type, message: `scripted ${reply.status}` } }, reply.retryAfter ? { 'retry-after': reply.retryAfter } : {});
          return;
        }
        case 'hang':
          hanging.add(res);
          res.on('close', () => hanging.delete(res));
          return;
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    script: (...replies) => queue.push(...replies),
    requests,
    maxConcurrent: () => mostOpen,
    async close() {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function message(model: string, text: string) {
  return {
    id: `msg_fake_${Math.random().toString(36).slice(2)}`,
    type: 'message',
    role: 'assistant',
    model,
    content: [{ type: 'text', text }],
    stop_reason: 'end_turn',
    stop_sequence: null,
    usage: { input_tokens: 10, output_tokens: 10 },
  };
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', 'request-id': 'req_fake', ...headers });
  res.end(JSON.stringify(body));
}
