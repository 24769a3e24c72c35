import type { ApolloServer } from '@apollo/server';
import type { VerifiedAccessToken } from '@mindflow/auth';
import type { DocumentNode, FormattedExecutionResult } from 'graphql';
import type { GatewayContext } from '../context.js';

export interface ReadAs {
  readonly caller: VerifiedAccessToken;
  readonly correlationId: string;
  /** `x-consistent-with`: the subgraphs answer once the read side has applied this write. */
  readonly consistentWith?: string;
}

/** Runs a query through the supergraph on behalf of a caller, exactly as if the caller had sent it. */
export type SupergraphReader = (
  request: { readonly document: DocumentNode | string; readonly variables?: Record<string, unknown>; readonly operationName?: string },
  as: ReadAs,
) => Promise<FormattedExecutionResult>;

/**
 * Reads through the gateway's own Apollo Server: the same plugins (auth, limits), the same federated
 * executor, the caller signed into the subgraph requests by the data sources, errors formatted as for HTTP.
 */
export function supergraphReader(apollo: ApolloServer<GatewayContext>): SupergraphReader {
  return async (request, as) => {
    const response = await apollo.executeOperation(
      { query: request.document, variables: request.variables, operationName: request.operationName },
      {
        contextValue: {
          auth: { kind: 'user', user: as.caller },
          correlationId: as.correlationId,
          consistentWith: as.consistentWith,
        },
      },
    );
    if (response.body.kind !== 'single') throw new Error('incremental delivery is not used by subscriptions');
    return response.body.singleResult;
  };
}
