import type { IncomingHttpHeaders } from 'node:http';
import { callerHeader, clientAddressHeader, verifyCaller, verifyClientAddress, type Caller } from '@mindflow/auth';
import { correlationHeader, correlationIdFrom, type Logger } from '@mindflow/platform';
import type { IdentityEnvironment, RequestInfo } from '../application/identity-environment.js';
import { refreshTokenFrom } from './refresh-cookie.js';

/**
 * The header in which the gateway names the session (`sid`) of the access token it verified, next to the
 * signed caller. Trusted only together with a valid caller header, and only for sessions of that caller.
 */
export const sessionHeader = 'x-mindflow-session';

export interface IdentityContext {
  readonly env: IdentityEnvironment;
  /** Who the gateway vouches for; null for the anonymous sign-in mutations. */
  readonly caller: Caller | null;
  readonly sessionId: string | undefined;
  /** From the `Cookie` header the gateway passes on to this subgraph only. */
  readonly refreshToken: string | undefined;
  readonly request: RequestInfo;
  /** `Set-Cookie` values for the response; the gateway hands them to the client. */
  readonly setCookies: string[];
  /** Identity's logger, bound to the request's correlation id. */
  readonly log: Logger;
}

/**
 * `peerAddress` is the socket's: what a direct call around the gateway is counted by. The gateway's own
 * address would count every client as one, so the gateway names the client in a header signed with the
 * internal secret; an unsigned or forged one is ignored, never believed.
 */
export function buildContext(headers: IncomingHttpHeaders, env: IdentityEnvironment, callerSecret: string, peerAddress: string | undefined): IdentityContext {
  const caller = verifyCaller(single(headers[callerHeader]), callerSecret);
  const correlationId = correlationIdFrom(headers[correlationHeader]);
  return {
    env,
    caller,
    sessionId: caller ? single(headers[sessionHeader]) : undefined,
    refreshToken: refreshTokenFrom(single(headers.cookie)),
    request: {
      correlationId,
      userAgent: single(headers['user-agent']) ?? null,
      clientAddress: verifyClientAddress(single(headers[clientAddressHeader]), callerSecret) ?? peerAddress ?? 'unknown',
    },
    setCookies: [],
    log: env.log.child({ correlationId }),
  };
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
