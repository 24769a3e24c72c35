import { describe, expect, it } from 'vitest';
import { maskInternalErrors } from './errors.js';

describe('maskInternalErrors', () => {
  it('masks an internal error and drops what it said', () => {
    const masked = maskInternalErrors({ message: 'relation "x" does not exist', extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['…'] } });
    expect(masked).toEqual({ message: 'internal error', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  });

  it('masks an error without a code', () => {
    expect(maskInternalErrors({ message: 'boom' }).message).toBe('internal error');
  });

  it('passes an API error on as it is', () => {
    const error = { message: 'name must not be empty', extensions: { code: 'BAD_USER_INPUT', field: 'name' } };
    expect(maskInternalErrors(error)).toBe(error);
  });
});
