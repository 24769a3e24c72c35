import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { apiError, describeError, isFeatureUnavailable } from './graphql-errors';

describe('API errors', () => {
  it('reads code, field and current version from a GraphQL error', () => {
    const error = new CombinedGraphQLErrors({
      data: null,
      errors: [{ message: 'stale version', extensions: { code: 'CONFLICT', currentVersion: 4 } }],
    });
    expect(apiError(error)).toEqual({ code: 'CONFLICT', message: 'stale version', currentVersion: 4 });
    const input = apiError({ errors: [{ message: 'name is required', extensions: { code: 'BAD_USER_INPUT', field: 'name' } }] });
    expect(input).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
  });

  it('treats anything without GraphQL errors as a network failure, and is idempotent', () => {
    const network = apiError(new TypeError('Failed to fetch'));
    expect(network.code).toBe('NETWORK');
    expect(apiError(network)).toBe(network);
    expect(describeError(network)).toContain('we will keep trying');
  });

  it('recognises a field the server does not have yet', () => {
    const missing = apiError({ errors: [{ message: 'Cannot query field "dashboard" on type "Query".', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }] });
    expect(isFeatureUnavailable(missing)).toBe(true);
    expect(describeError(missing)).toBe('This feature is not available on this server yet.');
    expect(isFeatureUnavailable({ code: 'GRAPHQL_VALIDATION_FAILED', message: 'Variable "$x" is never used.' })).toBe(false);
  });
});
