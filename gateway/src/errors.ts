import { createLogger } from '@mindflow/platform';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';

const log = createLogger('gateway');

/** An API error (API.md codes) with the HTTP status the gateway answers with. */
export function gatewayError(code: string, message: string, status: number): GraphQLError {
  return new GraphQLError(message, { extensions: { code, http: { status } } });
}

/** What a client may see of an error's extensions; the rest (subgraph responses, stacks) stays inside. */
const publicExtensions = ['code', 'field', 'currentVersion', 'retryAfterSeconds'];

/** `error`: the original (Apollo's formatError gives it): what an internal error hides from the client is logged. */
export function formatGatewayError(formatted: GraphQLFormattedError, error?: unknown): GraphQLFormattedError {
  // graphql-js stops validating a document whose overlapping fields would take too long to compare (a
  // same-name field bomb): that is a limit, not a mistake in the query.
  if (formatted.message === 'Validation aborted.') {
    return { message: 'query too complex to validate (too many overlapping fields)', extensions: { code: 'QUERY_TOO_COMPLEX' } };
  }
  const extensions = Object.fromEntries(
    Object.entries(formatted.extensions ?? {}).filter(([key]) => publicExtensions.includes(key)),
  );
  const code = extensions['code'];
  // A subgraph answering non-2xx or an unexpected failure: its message may carry internals.
  const internal = code === 'INTERNAL_SERVER_ERROR' || code === 'DOWNSTREAM_SERVICE_ERROR' || code === undefined;
  if (internal && error !== undefined) {
    log.error({ err: error, message: formatted.message, path: formatted.path, extensions: formatted.extensions }, 'internal error (hidden from the client)');
  }
  return {
    ...formatted,
    message: internal ? 'internal error' : formatted.message,
    extensions: { ...extensions, code: code ?? 'INTERNAL_SERVER_ERROR' },
  };
}
