import { createHmac, randomUUID } from 'node:crypto';
import { exportSPKI, generateKeyPair } from 'jose';
import { createPool, type Pool } from '@mindflow/db';
import { createTestDatabase, type TestDatabase } from '@mindflow/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGateway, type RunningGateway } from '../src/index.js';
import { startSubgraphProcess, type SubgraphProcess } from './subgraph-process.js';

// The emails' unsubscribe links through the gateway, in front of the real notifications subgraph process and its DB.

const unsubscribeSecret = 'gateway-unsubscribe-int-test-secret';
let db: TestDatabase;
let pool: Pool;
let subgraph: SubgraphProcess;
let gateway: RunningGateway;

/** The link as the notifications service signs it (its README: `?user=<id>&sig=<base64url HMAC-SHA256>`). */
function link(base: string, userId: string): string {
  const url = new URL('/unsubscribe', base);
  url.searchParams.set('user', userId);
  url.searchParams.set('sig', createHmac('sha256', unsubscribeSecret).update(`mindflow-unsubscribe-v1:${userId}`).digest('base64url'));
  return url.toString();
}

beforeAll(async () => {
  db = await createTestDatabase('gateway-unsubscribe');
  subgraph = await startSubgraphProcess('services/notifications/src/subgraph-main.ts', 'NOTIFICATIONS_SUBGRAPH_PORT', {
    NOTIFICATIONS_DATABASE_URL: db.url,
    NOTIFICATIONS_UNSUBSCRIBE_SECRET: unsubscribeSecret,
    INTERNAL_CALLER_SECRET: 'gateway-unsubscribe-int-internal-secret',
  });
  const pair = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
  gateway = await startGateway({
    GATEWAY_PORT: 0,
    NOTIFICATIONS_SUBGRAPH_URL: subgraph.url,
    AUTH_PUBLIC_KEY: await exportSPKI(pair.publicKey),
    INTERNAL_CALLER_SECRET: 'gateway-unsubscribe-int-internal-secret',
  });
  pool = createPool(db.url, { applicationName: 'gateway-unsubscribe-test' });
});

afterAll(async () => {
  await pool?.end();
  await gateway?.close();
  await subgraph?.stop();
  await db?.drop();
});

describe('GET/POST /unsubscribe on the gateway', () => {
  it('shows the confirmation page under the subgraph’s CSP, and the one click unsubscribes', async () => {
    const userId = randomUUID();
    const url = link(gateway.url, userId);
    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<form method="post">');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    const unsubscribed = async () =>
      (await pool.query<{ email_unsubscribed: boolean }>('SELECT email_unsubscribed FROM notification_preferences WHERE user_id = $1', [userId])).rows;
    expect(await unsubscribed()).toEqual([]); // a GET (a mail scanner) changes nothing

    const clicked = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' });
    expect(clicked.status).toBe(200);
    expect(await clicked.text()).toContain('Unsubscribed');
    expect(await unsubscribed()).toEqual([{ email_unsubscribed: true }]);
  });

  it('passes a forged link to the subgraph, which refuses it', async () => {
    const forged = new URL(link(gateway.url, randomUUID()));
    forged.searchParams.set('sig', 'AAAA');
    const answer = await fetch(forged, { method: 'POST', body: 'List-Unsubscribe=One-Click' });
    expect(answer.status).toBe(400);
    expect(await answer.text()).toContain('not valid');
  });
});
