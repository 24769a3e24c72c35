// The bus port against both adapters: the same contract, then what only Redis can show (several
// processes, prefixes, garbage on a channel). Redis is the real server of @mindflow/testing.
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { createLogger } from '@mindflow/platform';
import { testServers, uniqueRedisPrefix } from '@mindflow/testing';
import { Redis } from 'ioredis';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createInProcessBus } from './in-process-bus.js';
import type { Notification } from './notification.js';
import type { NotificationBus } from './notification-bus.js';
import { createRedisBus, userChannel } from './redis-bus.js';

const log = createLogger('notification-bus-test', 'silent');
let redisUrl: string;
beforeAll(async () => {
  redisUrl = await (await testServers()).redisUrl();
});

const opened: NotificationBus[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((bus) => bus.close()));
});

function notification(userId: string, version = 1, kind: 'CREATED' | 'UPDATED' = 'CREATED'): Notification {
  const entryId = randomUUID();
  return {
    subject: 'entry', kind, subjectId: entryId, eventId: randomUUID(), eventType: 'JournalEntryCreated',
    userId, aggregateId: entryId, aggregateVersion: version, occurredAt: new Date().toISOString(),
  };
}

/** Collects what a listener receives; `until` waits (bounded) for a count. */
function inbox() {
  const received: Notification[] = [];
  return {
    received,
    listener: (n: Notification) => void received.push(n),
    async until(count: number, timeoutMs = 5_000) {
      const deadline = Date.now() + timeoutMs;
      while (received.length < count && Date.now() < deadline) await sleep(10);
      expect(received).toHaveLength(count);
    },
  };
}

/** Long enough for a stray message to arrive if it were going to (Redis round trips are sub-millisecond here). */
const settle = () => sleep(150);

type Pair = () => { publisher: NotificationBus; gateway: NotificationBus };
const adapters: [string, Pair][] = [
  ['in-process', () => {
    const bus = createInProcessBus(log);
    opened.push(bus);
    return { publisher: bus, gateway: bus };
  }],
  ['redis', () => {
    const keyPrefix = uniqueRedisPrefix('notification-bus');
    const publisher = createRedisBus({ url: redisUrl, keyPrefix, log });
    const gateway = createRedisBus({ url: redisUrl, keyPrefix, log });
    opened.push(publisher, gateway);
    return { publisher, gateway };
  }],
];

describe.each(adapters)('notification bus (%s)', (_name, pair) => {
  it('delivers a user\'s notifications to that user\'s listeners only, in order', async () => {
    const { publisher, gateway } = pair();
    const [alice, bob] = [randomUUID(), randomUUID()];
    const forAlice = inbox();
    const forBob = inbox();
    await gateway.listen(alice, forAlice.listener);
    await gateway.listen(bob, forBob.listener);
    const sent = Array.from({ length: 20 }, (_, i) => notification(alice, i + 1, i === 0 ? 'CREATED' : 'UPDATED'));
    await Promise.all(sent.map((n) => publisher.publish(n)));
    await forAlice.until(20);
    expect(forAlice.received).toEqual(sent);
    await settle();
    expect(forBob.received).toEqual([]);
  });

  it('gives every listener of a user its own copy, and stops one listener without the others', async () => {
    const { publisher, gateway } = pair();
    const user = randomUUID();
    const first = inbox();
    const second = inbox();
    const stopFirst = await gateway.listen(user, first.listener);
    await gateway.listen(user, second.listener);
    await publisher.publish(notification(user));
    await first.until(1);
    await second.until(1);
    await stopFirst();
    await publisher.publish(notification(user));
    await second.until(2);
    await settle();
    expect(first.received).toHaveLength(1);
  });

  it('listens again after everyone stopped', async () => {
    const { publisher, gateway } = pair();
    const user = randomUUID();
    const before = inbox();
    await (await gateway.listen(user, before.listener))();
    await publisher.publish(notification(user));
    const after = inbox();
    await gateway.listen(user, after.listener);
    const n = notification(user);
    await publisher.publish(n);
    await after.until(1);
    expect(after.received).toEqual([n]);
    expect(before.received).toEqual([]);
  });

  it('keeps a failing listener from hurting the others', async () => {
    const { publisher, gateway } = pair();
    const user = randomUUID();
    const healthy = inbox();
    await gateway.listen(user, () => {
      throw new Error('listener bug');
    });
    await gateway.listen(user, healthy.listener);
    await publisher.publish(notification(user));
    await publisher.publish(notification(user));
    await healthy.until(2);
  });
});

describe('notification bus (redis only)', () => {
  it('fans out to every gateway replica listening for the user', async () => {
    const keyPrefix = uniqueRedisPrefix('fan-out');
    const [notifier, gatewayA, gatewayB] = [0, 1, 2].map(() => createRedisBus({ url: redisUrl, keyPrefix, log }));
    opened.push(notifier!, gatewayA!, gatewayB!);
    const user = randomUUID();
    const onA = inbox();
    const onB = inbox();
    await gatewayA!.listen(user, onA.listener);
    await gatewayB!.listen(user, onB.listener);
    const n = notification(user);
    await notifier!.publish(n);
    await onA.until(1);
    await onB.until(1);
    expect(onA.received).toEqual([n]);
    expect(onB.received).toEqual([n]);
  });

  it('keeps systems with different key prefixes apart', async () => {
    const user = randomUUID();
    const mine = createRedisBus({ url: redisUrl, keyPrefix: uniqueRedisPrefix('mine'), log });
    const theirs = createRedisBus({ url: redisUrl, keyPrefix: uniqueRedisPrefix('theirs'), log });
    opened.push(mine, theirs);
    const got = inbox();
    await mine.listen(user, got.listener);
    await theirs.publish(notification(user));
    await settle();
    expect(got.received).toEqual([]);
  });

  it('subscribes many users at once on a connection that is still opening (no ready-check failure)', async () => {
    // ioredis sends SUBSCRIBE during its connection handshake; with its ready check on, the INFO that follows
    // failed in subscriber mode, the connection was dropped and every waiting listen() rejected.
    const keyPrefix = uniqueRedisPrefix('burst');
    const publisher = createRedisBus({ url: redisUrl, keyPrefix, log });
    const gateway = createRedisBus({ url: redisUrl, keyPrefix, log });
    opened.push(publisher, gateway);
    const users = Array.from({ length: 200 }, () => randomUUID());
    const inboxes = users.map(() => inbox());
    // One listen per turn of the event loop, as sockets connect to a gateway: some land in the handshake.
    const listening: Promise<unknown>[] = [];
    for (const [i, user] of users.entries()) {
      listening.push(gateway.listen(user, inboxes[i]!.listener));
      await new Promise((resolve) => setImmediate(resolve));
    }
    await Promise.all(listening);
    const sent = users.map((user) => notification(user));
    await Promise.all(sent.map((n) => publisher.publish(n)));
    for (const [i, box] of inboxes.entries()) {
      await box.until(1);
      expect(box.received).toEqual([sent[i]]);
    }
    expect(gateway.healthy()).toBe(true);
  });

  it('keeps delivering, and takes new listeners, after its subscriber connection is killed', async () => {
    const keyPrefix = uniqueRedisPrefix('reconnect');
    const publisher = createRedisBus({ url: redisUrl, keyPrefix, log });
    const gateway = createRedisBus({ url: redisUrl, keyPrefix, log });
    opened.push(publisher, gateway);
    const [before, after] = [randomUUID(), randomUUID()];
    const gotBefore = inbox();
    const gotAfter = inbox();
    await gateway.listen(before, gotBefore.listener);
    const admin = new Redis(redisUrl);
    try {
      // Only this bus's subscriber: the Redis server is shared with other suites.
      const clients = String(await admin.call('CLIENT', 'LIST', 'TYPE', 'pubsub')).split('\n');
      const ours = clients.find((line) => line.includes(`name=${keyPrefix}notifications-subscriber`));
      expect(ours, 'the bus names its connections after its key prefix').toBeDefined();
      const id = /\bid=(\d+)/.exec(ours!)![1]!;
      expect(Number(await admin.call('CLIENT', 'KILL', 'ID', id))).toBe(1);
    } finally {
      await admin.quit();
    }
    // Listens while the connection reconnects: its SUBSCRIBE may go out during the handshake.
    await gateway.listen(after, gotAfter.listener);
    const deadline = Date.now() + 5_000;
    let delivered = false;
    while (!delivered && Date.now() < deadline) {
      await publisher.publish(notification(before));
      await publisher.publish(notification(after));
      await sleep(100);
      delivered = gotBefore.received.length > 0 && gotAfter.received.length > 0;
    }
    expect(gotBefore.received.length, 'the listener from before the kill').toBeGreaterThan(0);
    expect(gotAfter.received.length, 'the listener added during the reconnect').toBeGreaterThan(0);
  });

  it('drops what is not a notification and keeps delivering', async () => {
    const keyPrefix = uniqueRedisPrefix('garbage');
    const bus = createRedisBus({ url: redisUrl, keyPrefix, log });
    opened.push(bus);
    const user = randomUUID();
    const got = inbox();
    await bus.listen(user, got.listener);
    const raw = new Redis(redisUrl);
    try {
      await raw.publish(userChannel(keyPrefix, user), '{"subject":"entry","kind":"EXPLODED"}');
      await raw.publish(userChannel(keyPrefix, user), 'not json at all');
    } finally {
      await raw.quit();
    }
    const n = notification(user);
    await bus.publish(n);
    await got.until(1);
    expect(got.received).toEqual([n]);
  });
});
