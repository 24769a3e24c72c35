import type { GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { clientAddressHeader, signClientAddress } from '@mindflow/auth';
import { CallerDataSource } from './caller-data-source.js';
import type { GatewayContext } from './context.js';

/** The header that names the verified token's session to identity (services/identity `sessionHeader`). */
export const sessionHeader = 'x-mindflow-session';

/**
 * The identity subgraph gets more than the others: the client's `Cookie` header (the refresh token lives
 * in an httpOnly cookie), its User-Agent (the session's device), the `sid` of the verified token (for
 * logout), and the client's address, signed (login rate limits). Its `Set-Cookie` goes back to the client. No other subgraph sees the cookie.
 */
export class IdentityDataSource extends CallerDataSource {
  constructor(url: string, private readonly secret: string) {
    super(url, secret);
  }

  override willSendRequest(options: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    super.willSendRequest(options);
    const headers = options.request.http?.headers;
    // Only requests made for a client's operation carry its request (health checks and schema loads do not).
    if (!headers || !('incomingRequestContext' in options)) return;
    const incoming = options.incomingRequestContext.request.http?.headers;
    for (const name of ['cookie', 'user-agent']) {
      const value = incoming?.get(name);
      if (value) headers.set(name, value);
    }
    const context = options.context;
    if (context.auth.kind === 'user' && context.auth.sessionId) headers.set(sessionHeader, context.auth.sessionId);
    // Signed like the caller: identity believes no address a client could have written itself.
    if (context.clientAddress) headers.set(clientAddressHeader, signClientAddress(context.clientAddress, this.secret));
  }

  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>) {
    const response = await super.process(options);
    if ('incomingRequestContext' in options) {
      // Identity sets one cookie per response (the refresh token, or its removal); a HeaderMap holds one value per name.
      const cookie = setCookieOf(response.http?.headers);
      if (cookie) options.incomingRequestContext.response?.http?.headers.set('set-cookie', cookie);
    }
    return response;
  }
}

function setCookieOf(headers: unknown): string | undefined {
  if (!headers || typeof headers !== 'object') return undefined;
  const h = headers as { raw?: () => Record<string, string[]>; getSetCookie?: () => string[]; get?: (name: string) => string | null };
  const all = h.raw?.()['set-cookie'] ?? h.getSetCookie?.() ?? (h.get?.('set-cookie') ? [h.get('set-cookie')!] : []);
  return all.at(-1);
}
