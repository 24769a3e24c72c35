import { describe, expect, it } from 'vitest';
import { failureKind, TransientError } from './failure-kind.js';
import { VersionGapError } from './version-decision.js';

const pgError = (code: string, message = 'pg says no') => Object.assign(new Error(message), { code });

describe('failureKind', () => {
  it('tells a version gap apart', () => {
    expect(failureKind(new VersionGapError('query', 'a', 2, 4))).toBe('gap');
  });

  it('retries the database, the network and races forever', () => {
    for (const code of ['40P01', '40001', '08006', '53300', '57P01', '57014', '55P03', 'ECONNREFUSED', 'ECONNRESET', 'EPIPE']) {
      expect(failureKind(pgError(code)), code).toBe('transient');
    }
    expect(failureKind(new Error('Connection terminated unexpectedly'))).toBe('transient');
    expect(failureKind(new TransientError('dlq down', { cause: new Error('broker') }))).toBe('transient');
    expect(failureKind(Object.assign(new Error('moved'), { name: 'CheckpointMovedError' }))).toBe('transient');
    expect(failureKind(new Error('wrapped', { cause: pgError('40P01') }))).toBe('transient');
  });

  it('retries an object store that is busy or down (S3 through the AWS SDK v3), as a media erasure meets it', () => {
    const s3Error = (name: string, status: number, extra: object = {}) =>
      Object.assign(new Error(`${name} from S3`), { name, $fault: status >= 500 ? 'server' : 'client', $metadata: { httpStatusCode: status }, ...extra });
    for (const [name, status] of [['SlowDown', 503], ['ServiceUnavailable', 503], ['InternalError', 500], ['RequestTimeout', 400]] as const) {
      expect(failureKind(s3Error(name, status)), name).toBe('transient');
    }
    expect(failureKind(s3Error('S3ServiceException', 502))).toBe('transient');
    expect(failureKind(s3Error('UnknownError', 429))).toBe('transient');
    expect(failureKind(s3Error('Whatever', 400, { $retryable: { throttling: true } }))).toBe('transient');
    expect(failureKind(new Error('erasing media objects', { cause: s3Error('SlowDown', 503) }))).toBe('transient');
    // A refusal is the request's (or the configuration's), not the store's load: counted as the handler's.
    expect(failureKind(s3Error('AccessDenied', 403))).toBe('poison');
    expect(failureKind(s3Error('NoSuchBucket', 404))).toBe('poison');
  });

  it('counts handler bugs and data the database refuses as poison', () => {
    expect(failureKind(new TypeError("Cannot read properties of undefined (reading 'name')"))).toBe('poison');
    for (const code of ['23505', '23502', '22P02', '42703', 'XX000']) expect(failureKind(pgError(code)), code).toBe('poison');
    expect(failureKind('a string thrown')).toBe('poison');
  });
});
