import { describe, expect, it } from 'vitest';
import { formatGatewayError } from './errors.js';

describe('formatGatewayError', () => {
  it('keeps the code and the field a client can act on', () => {
    const formatted = formatGatewayError({ message: 'name is required', extensions: { code: 'BAD_USER_INPUT', field: 'name', serviceName: 'query' } });
    expect(formatted).toEqual({ message: 'name is required', extensions: { code: 'BAD_USER_INPUT', field: 'name' } });
  });

  it('calls a document graphql-js gave up validating too complex', () => {
    expect(formatGatewayError({ message: 'Validation aborted.', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } })).toEqual({
      message: 'query too complex to validate (too many overlapping fields)',
      extensions: { code: 'QUERY_TOO_COMPLEX' },
    });
  });

  it('hides what a failing subgraph answered', () => {
    const formatted = formatGatewayError({
      message: '500: Internal Server Error',
      extensions: { code: 'INTERNAL_SERVER_ERROR', response: { url: 'http://127.0.0.1:4001/graphql', body: 'secret' } },
    });
    expect(formatted).toEqual({ message: 'internal error', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  });
});
