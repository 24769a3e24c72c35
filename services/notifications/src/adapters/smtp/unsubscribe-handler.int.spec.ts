import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliveryDatabase, type DeliveryDatabase } from '../../test/delivery-database.js';
import { unsubscribeHandler, unsubscribePath } from './unsubscribe-handler.js';
import { unsubscribeUrl } from './unsubscribe-link.js';

const secret = 'the-unsubscribe-test-secret';

describe('unsubscribeHandler (RFC 8058 one-click) on a real server and notifications DB', () => {
  let db: DeliveryDatabase;
  let server: Server;
  let base: string;

  beforeAll(async () => {
    db = await deliveryDatabase('notif_unsubscribe');
    const handle = unsubscribeHandler({ pool: db.pool, secret });
    server = createServer((req, res) => void handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}${unsubscribePath}`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await db.drop();
  });

  const unsubscribed = async (userId: string) =>
    (await db.pool.query<{ email_unsubscribed: boolean; time_zone: string }>('SELECT email_unsubscribed, time_zone FROM notification_preferences WHERE user_id = $1', [userId])).rows[0];

  it('flips email_unsubscribed on the mail client one-click POST', async () => {
    const userId = await db.recipient();
    const link = unsubscribeUrl(base, secret, userId);
    const res = await fetch(link, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('no more emails');
    expect(await unsubscribed(userId)).toEqual({ email_unsubscribed: true, time_zone: 'UTC' });
    // again: still unsubscribed, still 200
    expect((await fetch(link, { method: 'POST', body: 'List-Unsubscribe=One-Click' })).status).toBe(200);
  });

  it('keeps the other preferences of a user who set them', async () => {
    const userId = await db.recipient();
    await db.pool.query(`INSERT INTO notification_preferences (user_id, time_zone, updated_at) VALUES ($1, 'Europe/Berlin', now())`, [userId]);
    await fetch(unsubscribeUrl(base, secret, userId), { method: 'POST', body: 'List-Unsubscribe=One-Click' });
    expect(await unsubscribed(userId)).toEqual({ email_unsubscribed: true, time_zone: 'Europe/Berlin' });
  });

  it('answers a GET (a person, or a scanner opening the link) with a confirmation form and changes nothing', async () => {
    const userId = await db.recipient();
    const res = await fetch(unsubscribeUrl(base, secret, userId));
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<form method="post">');
    expect(await unsubscribed(userId)).toBeUndefined();
  });

  it('refuses a link signed with another secret, or for another user, and changes nothing', async () => {
    const userId = await db.recipient();
    const forged = unsubscribeUrl(base, 'some-other-secret-entirely', userId);
    expect((await fetch(forged, { method: 'POST', body: 'List-Unsubscribe=One-Click' })).status).toBe(400);
    const mine = new URL(unsubscribeUrl(base, secret, randomUUID()));
    mine.searchParams.set('user', userId);
    expect((await fetch(mine, { method: 'POST', body: 'List-Unsubscribe=One-Click' })).status).toBe(400);
    expect((await fetch(`${base}?user=${userId}`, { method: 'POST' })).status).toBe(400);
    expect(await unsubscribed(userId)).toBeUndefined();
  });
});
