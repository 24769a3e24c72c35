import { GraphQLError } from 'graphql';
import type { IdentityError } from '../domain/identity-error.js';

/** An identity refusal as the GraphQL error API.md describes: `extensions.code`, plus `field` or `retryAfterSeconds`. */
export function toGraphQLError(error: IdentityError): GraphQLError {
  switch (error.code) {
    case 'BAD_USER_INPUT':
      return new GraphQLError(error.message, { extensions: { code: error.code, field: error.field } });
    case 'RATE_LIMITED':
      return new GraphQLError(error.message, { extensions: { code: error.code, retryAfterSeconds: Math.ceil(error.retryAfterMs / 1000) } });
    case 'UNAUTHENTICATED':
      return new GraphQLError(error.message, { extensions: { code: error.code } });
    default: {
      const unhandled: never = error;
      throw new Error(`unmapped identity error ${JSON.stringify(unhandled)}`);
    }
  }
}

export const signInRequired = () => new GraphQLError('sign in: this needs an access token', { extensions: { code: 'UNAUTHENTICATED' } });
