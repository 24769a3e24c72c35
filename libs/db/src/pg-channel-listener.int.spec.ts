import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@mindflow/testing';
import { PgChannelListener } from './pg-channel-listener.js';
import { createPool, type Pool } from './pool.js';

describe('PgChannelListener', () => {
  let db: TestDatabase;
  let admin: Pool;

  beforeAll(async () => {
    db = await createTestDatabase('db-listener');
    admin = createPool(db.url, { applicationName: 'listener-spec-admin', max: 2 });
  });

  afterAll(async () => {
    await admin?.end();
    await db?.drop();
  });

  const listenerPid = async (applicationName: string) =>
    (await admin.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE application_name = $1', [applicationName])).rows[0]?.pid;

  it("hands over its channel's payloads, and listens again after its connection is killed", async () => {
    const payloads: string[] = [];
    const errors: unknown[] = [];
    const listener = new PgChannelListener({
      url: db.url, channel: 'spec_channel', applicationName: 'listener-spec',
      onNotification: (payload) => payloads.push(payload), onError: (error) => errors.push(error),
    });
    try {
      expect(await listener.listen()).toBe(true);
      await admin.query("SELECT pg_notify('spec_channel', 'one'), pg_notify('other_channel', 'not mine'), pg_notify('spec_channel', '')");
      await expect.poll(() => payloads).toEqual(['one', '']);

      await admin.query('SELECT pg_terminate_backend($1)', [await listenerPid('listener-spec')]);
      await expect.poll(() => listener.listening).toBe(false);
      expect(errors.length).toBeGreaterThan(0);
      await admin.query("SELECT pg_notify('spec_channel', 'lost')"); // nobody listens: gone
      expect(await listener.listen()).toBe(true);
      await admin.query("SELECT pg_notify('spec_channel', 'two')");
      await expect.poll(() => payloads).toEqual(['one', '', 'two']);
    } finally {
      await listener.close();
    }
    expect(listener.listening).toBe(false);
    expect(await listenerPid('listener-spec')).toBeUndefined();
  });

  it('tries an unreachable server again at once when eager, else at most once per retryMs; concurrent calls share one attempt', async () => {
    let attempts = 0;
    const listener = new PgChannelListener({
      url: 'postgres://postgres@127.0.0.1:1/nowhere', channel: 'spec_channel', applicationName: 'listener-spec-unreachable',
      onNotification: () => undefined, onError: () => void (attempts += 1), retryMs: 400,
    });
    try {
      expect(await Promise.all([listener.listen(), listener.listen()])).toEqual([false, false]);
      expect(attempts).toBe(1);
      expect(await listener.listen({ eager: false })).toBe(false);
      expect(attempts).toBe(1); // within retryMs of the last attempt
      await sleep(450);
      expect(await listener.listen({ eager: false })).toBe(false);
      expect(attempts).toBe(2);
      expect(await listener.listen()).toBe(false);
      expect(attempts).toBe(3);
    } finally {
      await listener.close();
    }
  });

  it('closed while connecting, it ends the connection it was making', async () => {
    const listener = new PgChannelListener({ url: db.url, channel: 'spec_channel', applicationName: 'listener-spec-closing', onNotification: () => undefined });
    const listening = listener.listen();
    await listener.close();
    expect(await listening).toBe(false);
    await expect.poll(() => listenerPid('listener-spec-closing')).toBeUndefined();
  });
});
