import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import type { IdentityContext } from './context.js';

/** Unexpected failures are logged here, with the request's correlation id, before they are masked. */
export function errorLoggingPlugin(): ApolloServerPlugin<IdentityContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ contextValue, errors }) {
          for (const error of errors) {
            const code = error.extensions['code'];
            if (code === undefined || code === 'INTERNAL_SERVER_ERROR') {
              contextValue.env.log.error({ err: error.originalError ?? error, path: error.path, correlationId: contextValue.request.correlationId }, 'resolver failed');
            }
          }
        },
      };
    },
  };
}

/** A database or programming error says nothing useful to a client and may leak internals: mask it. */
export function maskInternalErrors(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const code = formatted.extensions?.['code'];
  if (code !== undefined && code !== 'INTERNAL_SERVER_ERROR') return formatted;
  return { ...formatted, message: 'internal error', extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}
