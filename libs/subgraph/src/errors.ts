import { GraphQLError, type GraphQLFormattedError } from 'graphql';

/**
 * A database or programming error says nothing useful to a client and may leak internals: mask it. Apollo
 * gives every error without a code INTERNAL_SERVER_ERROR; an error with an API.md code passes unchanged.
 */
export function maskInternalErrors(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const code = formatted.extensions?.['code'];
  if (code !== undefined && code !== 'INTERNAL_SERVER_ERROR') return formatted;
  return { ...formatted, message: 'internal error', extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}

/**
 * An error the request guard ends a request with. HTTP 200: the gateway reads any other non-2xx answer
 * as a broken subgraph and would hide the code the client needs (CONSISTENCY_TIMEOUT, BAD_USER_INPUT).
 */
export function guardError(code: 'BAD_USER_INPUT' | 'CONSISTENCY_TIMEOUT', message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...extensions, http: { status: 200 } } });
}
