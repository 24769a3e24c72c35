import { describe, expect, it } from 'vitest';
import { objectStoreConfigFromEnv } from './object-store-config.js';

describe('object store configuration', () => {
  it('reads S3 from the environment', () => {
    const config = objectStoreConfigFromEnv({
      OBJECT_STORE: 's3',
      S3_ENDPOINT: 'http://127.0.0.1:9000',
      S3_BUCKET: 'mindflow-media',
      S3_ACCESS_KEY_ID: 'id',
      S3_SECRET_ACCESS_KEY: 'secret',
      S3_FORCE_PATH_STYLE: 'true',
    });
    expect(config).toEqual({
      kind: 's3',
      endpoint: 'http://127.0.0.1:9000',
      bucket: 'mindflow-media',
      region: 'us-east-1',
      accessKeyId: 'id',
      secretAccessKey: 'secret',
      forcePathStyle: true,
    });
    expect(() => objectStoreConfigFromEnv({ OBJECT_STORE: 's3' })).toThrow('S3_BUCKET');
  });

  it('defaults to the disk, the environment winning over the mode\'s defaults', () => {
    const defaults = { directory: '/data/objects', publicUrl: 'http://127.0.0.1:4006/objects', signingKey: 'dev-signing-key-0123' };
    expect(objectStoreConfigFromEnv({}, defaults)).toEqual({ kind: 'disk', ...defaults });
    expect(objectStoreConfigFromEnv({ OBJECT_STORE_DIR: '/srv/objects', OBJECT_STORE_PUBLIC_URL: '' }, defaults)).toEqual({
      kind: 'disk',
      ...defaults,
      directory: '/srv/objects',
    });
    expect(() => objectStoreConfigFromEnv({})).toThrow('OBJECT_STORE_DIR');
    expect(() => objectStoreConfigFromEnv({ OBJECT_STORE_SIGNING_KEY: 'short' }, defaults)).toThrow();
  });
});
