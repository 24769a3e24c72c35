import { describe, expect, it } from 'vitest';
import { isStaleTestName, uniqueDatabaseName, uniqueIndexPrefix, uniqueRedisPrefix, uniqueTopicPrefix } from './unique-names.js';

describe('unique test names', () => {
  it('are valid for their server and never repeat', () => {
    const names = Array.from({ length: 100 }, () => uniqueDatabaseName('Read Model!'));
    expect(new Set(names).size).toBe(100);
    expect(names[0]).toMatch(/^mft_read_model_[0-9a-z]{14}$/);
    expect(uniqueTopicPrefix('relay')).toMatch(/^mft-relay-[0-9a-z]{14}$/);
    expect(uniqueRedisPrefix('cache')).toMatch(/^mft:cache:[0-9a-z]{14}:$/);
    expect(uniqueIndexPrefix('Search')).toMatch(/^mft-search-[0-9a-z]{14}-$/);
  });

  it('are stale only when made long enough ago', () => {
    const now = Date.now();
    const day = 24 * 60 * 60 * 1000;
    for (const name of [uniqueDatabaseName('x'), `${uniqueTopicPrefix('x')}.entry`, `${uniqueIndexPrefix('x')}entries`]) {
      expect(isStaleTestName(name, now)).toBe(false);
      expect(isStaleTestName(name, now + day)).toBe(true);
    }
    expect(isStaleTestName('mindflow_write', now + day)).toBe(false);
    expect(isStaleTestName('mindflow.entry', now + day)).toBe(false);
  });
});
