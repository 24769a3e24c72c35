import { sampleEvent } from '@mindflow/events/testing';
import { createLogger } from '@mindflow/platform';
import { describe, expect, it } from 'vitest';
import type { EventBatch } from '../event-log.js';
import { deliverPartitionBatch, type PartitionBatch } from './partition-batch.js';

const log = createLogger('test', 'silent');
const messages = ['10', '11', '12', '13'].map((offset) => ({ offset }));
const parse = (m: { offset: string }) => sampleEvent('JournalCreated', { aggregateVersion: Number(m.offset) - 9 });

function batchOf(overrides: Partial<PartitionBatch<{ offset: string }>>) {
  const commits: string[] = [];
  const batch: PartitionBatch<{ offset: string }> = {
    source: 'topic/0',
    messages,
    parse,
    handle: (b) => {
      b.done(b.events.length - 1);
      return Promise.resolve();
    },
    commit: (offset) => {
      commits.push(offset);
      return Promise.resolve();
    },
    heartbeat: () => Promise.resolve(),
    active: () => true,
    backoff: { initialMs: 1, maxMs: 2 },
    log,
    ...overrides,
  };
  return { batch, commits };
}

describe('deliverPartitionBatch', () => {
  it('commits the last offset once the subscriber is done with the batch', async () => {
    const { batch, commits } = batchOf({});
    await deliverPartitionBatch(batch);
    expect(commits).toEqual(['13']);
  });

  it('after a failure commits the done prefix and redelivers from the first undone event', async () => {
    const seen: number[][] = [];
    let failOnce = true;
    const { batch, commits } = batchOf({
      handle: (b: EventBatch) => {
        seen.push(b.events.map((e) => e.aggregateVersion));
        if (failOnce) {
          failOnce = false;
          b.done(1);
          return Promise.reject(new Error('read DB hiccup'));
        }
        b.done(b.events.length - 1);
        return Promise.resolve();
      },
    });
    await deliverPartitionBatch(batch);
    expect(seen).toEqual([[1, 2, 3, 4], [3, 4]]);
    expect(commits).toEqual(['11', '13']);
  });

  it('delivers the messages before one that does not parse, then retries it instead of skipping it', async () => {
    let attempts = 0;
    const { batch, commits } = batchOf({
      parse: (m) => {
        if (m.offset === '12' && attempts++ < 2) throw new Error('unknown schema version');
        return parse(m);
      },
    });
    await deliverPartitionBatch(batch);
    expect(attempts).toBe(3);
    expect(commits).toEqual(['11', '13']);
  });

  it("parks a message that keeps failing to parse, after the subscriber's attempts, and goes on past it", async () => {
    const parked: { offset: string; attempts: number }[] = [];
    const seen: number[] = [];
    const { batch, commits } = batchOf({
      parse: (m) => {
        if (m.offset === '11') throw new Error('not JSON');
        return parse(m);
      },
      handle: (b) => {
        seen.push(...b.events.map((e) => e.aggregateVersion));
        b.done(b.events.length - 1);
        return Promise.resolve();
      },
      unreadable: {
        maxAttempts: 3,
        park: (m, _error, attempts) => {
          parked.push({ offset: m.offset, attempts });
          return Promise.resolve();
        },
      },
    });
    await deliverPartitionBatch(batch);
    expect(parked).toEqual([{ offset: '11', attempts: 3 }]);
    expect(seen).toEqual([1, 3, 4]);
    expect(commits).toEqual(['10', '11', '13']);
  });

  it('keeps retrying an unreadable message whose parking fails', async () => {
    let parkCalls = 0;
    const { batch, commits } = batchOf({
      messages: [{ offset: '20' }],
      parse: () => {
        throw new Error('not JSON');
      },
      unreadable: {
        maxAttempts: 1,
        park: () => {
          parkCalls += 1;
          return parkCalls < 3 ? Promise.reject(new Error('read DB down')) : Promise.resolve();
        },
      },
    });
    await deliverPartitionBatch(batch);
    expect(parkCalls).toBe(3);
    expect(commits).toEqual(['20']);
  });

  it('treats events left undone by a subscriber that did not fail as a failure to retry', async () => {
    let calls = 0;
    const { batch, commits } = batchOf({
      handle: (b) => {
        calls += 1;
        b.done(calls === 1 ? 0 : b.events.length - 1);
        return Promise.resolve();
      },
    });
    await deliverPartitionBatch(batch);
    expect(commits).toEqual(['10', '13']);
  });

  it('gives the batch up without committing more once no longer active', async () => {
    let active = true;
    const { batch, commits } = batchOf({
      active: () => active,
      handle: () => {
        active = false; // revoked mid-batch
        return Promise.reject(new Error('stopping'));
      },
    });
    await deliverPartitionBatch(batch);
    expect(commits).toEqual([]);
  });
});
