import { GraphQLError } from 'graphql';

// API.md's error codes, raised once here so every resolver spells them the same way. 200 unless the
// request is unauthorised: the gateway reads other non-2xx answers as a broken subgraph.

export type ErrorCode = 'UNAUTHENTICATED' | 'BAD_USER_INPUT' | 'NOT_FOUND';

export function apiError(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...extensions, http: { status: code === 'UNAUTHENTICATED' ? 401 : 200 } } });
}

export const unauthenticated = () => apiError('UNAUTHENTICATED', 'sign in first');

export const badUserInput = (message: string, field: string) => apiError('BAD_USER_INPUT', message, { field });

export const notFound = (message: string) => apiError('NOT_FOUND', message);
