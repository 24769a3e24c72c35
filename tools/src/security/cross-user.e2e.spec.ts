// Issue 7, security: one user aiming every operation of the API at another user's objects — every query,
// every mutation and every subscription the gateway serves, checked for coverage against the schema —
// gets a refusal or only their own data, and nothing of the other user leaks.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { metricValue } from '../e2e/prometheus.js';
import { connect, subscribe, type LiveSubscription } from '../e2e/subscription-client.js';
import { waitUntil } from '../system/index.js';
import { servedOperations, supergraphOperations, uncovered } from './api-surface.js';
import { expectAliceUntouched, mutationCases } from './cross-user/mutation-cases.js';
import { queryCases } from './cross-user/query-cases.js';
import { subscriptionCases } from './cross-user/subscription-cases.js';
import { buildWorld, expectNoLeak, type World } from './cross-user/world.js';
import { startSecuritySystem, type SecuritySystem } from './test/security-system.js';

const api = supergraphOperations();

describe('another user\'s ids on every operation', () => {
  let sys: SecuritySystem;
  let world: World;

  beforeAll(async () => {
    sys = await startSecuritySystem('security-cross-user');
    world = await buildWorld(sys);
  });
  afterAll(async () => sys?.stop());

  it('has a cross-user case for every query, mutation and subscription the gateway serves', async () => {
    const served = await servedOperations(sys.anonymous);
    expect(served.Query).toEqual(expect.arrayContaining([...api.Query]));
    expect(uncovered(served, { Query: Object.keys(queryCases), Mutation: Object.keys(mutationCases), Subscription: Object.keys(subscriptionCases) })).toEqual([]);
  });

  it.each(api.Query)('query %s', async (field) => {
    const attack = queryCases[field];
    if (!attack) throw new Error(`no cross-user case for Query.${field}: add one to cross-user/query-cases.ts`);
    await attack(world);
  });

  it.each(api.Mutation)('mutation %s', async (field) => {
    const attack = mutationCases[field];
    if (!attack) throw new Error(`no cross-user case for Mutation.${field}: add one to cross-user/mutation-cases.ts`);
    await attack(world);
  });

  it("leaves every one of Alice's objects as she wrote it", async () => {
    await expectAliceUntouched(world);
  });

  it('delivers each user only their own changes on every subscription', async () => {
    const served = (await servedOperations(sys.anonymous)).Subscription;
    expect(served.length).toBeGreaterThan(0);
    const sockets = [connect(sys.gatewayUrl, world.alice.user.accessToken), connect(sys.gatewayUrl, world.bob.accessToken)];
    try {
      const live = served.map((field) => {
        const attack = subscriptionCases[field];
        if (!attack) throw new Error(`no cross-user case for Subscription.${field}`);
        return {
          field,
          attack,
          alice: subscribe<Record<string, unknown>>(sockets[0]!, attack.query),
          bob: subscribe<Record<string, unknown>>(sockets[1]!, attack.query),
        };
      });
      const opsPort = sys.system.services.get('gateway')!.boundOpsPort;
      await waitUntil('subscriptions running', async () =>
        (await metricValue(opsPort, 'mindflow_gateway_subscriptions_active')) === 2 * served.length, 10_000, 20);

      // Alice writes first, then Bob: once Bob's own change reached him, Alice's (earlier in the log) had its chance.
      for (const { field, attack, alice, bob } of live) {
        const aliceId = await attack.write(world.alice.user.client, world.alice.journalId, world.alice.marker);
        const bobId = await attack.write(world.bob.client, world.bobJournalId, 'bob');
        const idsOf = (sub: LiveSubscription<Record<string, unknown>>) => sub.received.map((r) => (r.data ? attack.idOf(r.data) : JSON.stringify(r.errors)));
        await alice.until(1, 30_000);
        await bob.until(1, 30_000);
        await waitUntil(`${field}: Alice's and Bob's own deliveries`, () => idsOf(alice).includes(aliceId) && idsOf(bob).includes(bobId), 30_000, 20);
        expect(idsOf(bob), field).not.toContain(aliceId);
        expect(idsOf(alice), field).not.toContain(bobId);
        expectNoLeak(world, bob.received);
      }
    } finally {
      await Promise.all(sockets.map(async (s) => { await s.dispose(); }));
    }
  });
});
