import type { IncomingHttpHeaders } from 'node:http';
import type { Verifier } from '@mindflow/auth';
import { authenticate, type Authentication } from './auth/authenticate.js';

export interface GatewayContext extends Record<string, unknown> {
  readonly auth: Authentication;
  readonly correlationId: string;
  /** The client's `x-consistent-with`, forwarded untouched: subgraphs parse it and wait. */
  readonly consistentWith: string | undefined;
  /** The client's network address (`auth/client-address.ts`); identity limits logins by it. Absent for subscription reads. */
  readonly clientAddress?: string;
}

export async function buildGatewayContext(
  headers: IncomingHttpHeaders,
  correlationId: string,
  verifier: Verifier,
  clientAddress?: string,
): Promise<GatewayContext> {
  const consistentWith = headers['x-consistent-with'];
  return {
    auth: await authenticate(headers, verifier),
    correlationId,
    consistentWith: Array.isArray(consistentWith) ? consistentWith.join(',') : consistentWith,
    clientAddress,
  };
}
