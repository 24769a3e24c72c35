import { GraphQLError } from 'graphql';
import { MediaError } from '../application/media-error.js';

// API.md's error codes, raised once here so every resolver spells them the same way. 200 unless the
// request is unauthorised: the gateway reads other non-2xx answers as a broken subgraph.

export type ErrorCode = 'UNAUTHENTICATED' | 'BAD_USER_INPUT' | 'NOT_FOUND' | 'FORBIDDEN' | 'PAYLOAD_TOO_LARGE';

export function apiError(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...extensions, http: { status: code === 'UNAUTHENTICATED' ? 401 : 200 } } });
}

export const unauthenticated = () => apiError('UNAUTHENTICATED', 'sign in first');

/** The use cases' errors as API errors; anything else is left for the runtime to mask as internal. */
export async function mapped<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof MediaError) throw apiError(error.code, error.message, error.field ? { field: error.field } : {});
    throw error;
  }
}
