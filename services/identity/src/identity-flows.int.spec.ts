// Every identity flow against the real service: real Postgres, and in distributed mode real Redis for the
// live-session registry. Time moves only through the injected clock.
import { randomUUID } from 'node:crypto';
import { clientAddressHeader, signClientAddress, verifyAccessToken } from '@mindflow/auth';
import type { Mode } from '@mindflow/platform';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { minutes } from './test/test-clock.js';
import { operations as op, startIdentityUnderTest, SubgraphClient, type IdentityUnderTest, type SignedIn } from './test/identity-under-test.js';

const password = 'correct horse battery staple';
const email = (label: string) => `${label}-${randomUUID().slice(0, 8)}@Example.com`;
const modes: Mode[] = ['embedded', 'distributed'];

describe.each(modes)('identity flows (%s mode)', (mode) => {
  let identity: IdentityUnderTest;

  beforeAll(async () => {
    identity = await startIdentityUnderTest(mode, `flows-${mode}`);
  });
  afterAll(async () => identity?.stop());

  const client = () => new SubgraphClient(identity);
  const live = async (accessToken: string) => {
    const sid = String(decodeJwt(accessToken)['sid']);
    return (await fetch(`${identity.service.sessionsUrl}/${sid}`)).status === 200;
  };
  async function registered(label: string, name: string | null = 'Ada') {
    const session = client();
    const address = email(label);
    const { register } = await session.data<{ register: SignedIn }>(op.register, { email: address, password, name });
    session.accessToken = register.accessToken;
    return { session, address, signedIn: register };
  }
  async function outbox(userId: string) {
    const { rows } = await identity.service.environment.pool.query<{ event_type: string; aggregate_version: number; correlation_id: string; payload: Record<string, unknown> }>(
      'SELECT event_type, aggregate_version, correlation_id, payload FROM outbox WHERE aggregate_id = $1 ORDER BY tx_id, position',
      [userId],
    );
    return rows;
  }

  describe('register', () => {
    it('creates the account, signs it in and records UserRegistered in the outbox', async () => {
      const session = client();
      const address = email('ada');
      const answer = await session.send<{ register: SignedIn }>(op.register, { email: address, password, name: '  Ada Lovelace ' });
      expect(answer.errors).toBeUndefined();
      const { accessToken, expiresAt, user } = answer.data!.register;
      expect(user).toEqual({ id: expect.any(String), email: address, name: 'Ada Lovelace', roles: ['user'] });

      const verified = await verifyAccessToken(accessToken, { jwksUrl: identity.service.jwksUrl }, identity.clock.now());
      expect(verified).toMatchObject({ userId: user.id, roles: ['user'], email: address });
      expect(Date.parse(expiresAt) - identity.clock.now().getTime()).toBeGreaterThan(minutes(14));
      expect(Date.parse(expiresAt) - identity.clock.now().getTime()).toBeLessThanOrEqual(minutes(15));
      expect(await live(accessToken)).toBe(true);

      const [cookie] = answer.setCookie;
      expect(cookie).toMatch(/^mindflow_refresh=[A-Za-z0-9_-]{43}; Max-Age=1209600; Path=\/graphql; HttpOnly; Secure; SameSite=Strict$/);
      expect(JSON.stringify(answer.data)).not.toContain(session.refreshToken!);

      expect(await outbox(user.id)).toEqual([
        { event_type: 'UserRegistered', aggregate_version: 1, correlation_id: expect.any(String),
          payload: { userId: user.id, email: address, name: 'Ada Lovelace', roles: ['user'], registeredAt: expect.any(String) } },
      ]);
    });

    it('refuses an email already registered, in any letter case, with a clear error', async () => {
      const { address } = await registered('taken');
      const again = await client().send(op.register, { email: `  ${address.toUpperCase()} `, password });
      expect(again.errors?.[0]).toMatchObject({
        message: 'an account with this email already exists: sign in instead',
        extensions: { code: 'BAD_USER_INPUT', field: 'email' },
      });
      expect(again.setCookie).toEqual([]);
    });

    it('refuses a weak password and a malformed email, naming the field', async () => {
      const weak = await client().send(op.register, { email: email('weak'), password: 'password123' });
      expect(weak.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'password' });
      const short = await client().send(op.register, { email: email('short'), password: 'short' });
      expect(short.errors?.[0]).toMatchObject({ message: expect.stringMatching(/at least 10/), extensions: { field: 'password' } });
      const malformed = await client().send(op.register, { email: 'not-an-email', password });
      expect(malformed.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'email' });
    });
  });

  describe('login', () => {
    it('signs in with any letter case of the email and records UserLoggedIn with the next version', async () => {
      const { address, signedIn } = await registered('login');
      const session = client();
      const { login } = await session.data<{ login: SignedIn }>(op.login, { email: address.toLowerCase(), password });
      expect(login.user).toEqual({ id: signedIn.user.id, email: address, roles: ['user'] });
      expect(decodeJwt(login.accessToken)['sid']).not.toBe(decodeJwt(signedIn.accessToken)['sid']);
      expect(session.refreshToken).toBeDefined();
      expect((await outbox(signedIn.user.id)).map((e) => [e.event_type, e.aggregate_version])).toEqual([['UserRegistered', 1], ['UserLoggedIn', 2]]);
    });

    it('answers a wrong password and an unknown email with the same error', async () => {
      const { address } = await registered('wrong');
      const wrong = await client().send(op.login, { email: address, password: 'not the password at all' });
      const unknown = await client().send(op.login, { email: email('nobody'), password });
      for (const answer of [wrong, unknown]) {
        expect(answer.data).toBeNull();
        expect(answer.errors).toEqual([{ message: 'invalid email or password', path: ['login'], locations: expect.any(Array), extensions: { code: 'UNAUTHENTICATED' } }]);
        expect(answer.setCookie).toEqual([]);
      }
    });

    it('takes as long for an unknown email as for a wrong password (a dummy hash is computed)', async () => {
      const { address } = await registered('timing');
      const time = async (candidate: string) => {
        const started = performance.now();
        await client().send(op.login, { email: candidate, password: 'wrong password here' });
        return performance.now() - started;
      };
      const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
      const known: number[] = [];
      const unknown: number[] = [];
      for (let i = 0; i < 4; i += 1) {
        known.push(await time(address));
        unknown.push(await time(email('ghost')));
      }
      // Without the dummy hash an unknown email answers in ~2 ms against ~50-150 ms; allow for a busy machine.
      expect(median(unknown)).toBeGreaterThan(median(known) * 0.5);
    });
  });

  describe('login limits', () => {
    const from = (clientAddress: string) => new SubgraphClient(identity, { clientAddress });
    const failFiveTimes = async (session: () => SubgraphClient, address: string) => {
      for (let i = 1; i <= 5; i += 1) {
        const failed = await session().send(op.login, { email: address, password: `wrong password #${i}` });
        expect(failed.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
      }
    };

    it('refuses a client after 5 failed logins at one address, even with the right password, for 15 minutes', async () => {
      const { address } = await registered('limited');
      await failFiveTimes(() => from('203.0.113.10'), address);
      const refused = await from('203.0.113.10').send(op.login, { email: address, password });
      expect(refused.data).toBeNull();
      expect(refused.errors?.[0]).toMatchObject({ message: 'too many failed logins: try again in 15 minutes', extensions: { code: 'RATE_LIMITED', retryAfterSeconds: 900 } });
      expect(refused.setCookie).toEqual([]);
    });

    it('lets another client sign in to the account a first client hammered (no lockout for whoever asks)', async () => {
      const { address, signedIn } = await registered('hammered');
      await failFiveTimes(() => from('203.0.113.11'), address);
      expect((await from('203.0.113.11').send(op.login, { email: address, password })).errors?.[0]?.extensions?.['code']).toBe('RATE_LIMITED');

      const owner = await from('198.51.100.11').send<{ login: SignedIn }>(op.login, { email: address, password });
      expect(owner.errors).toBeUndefined();
      expect(owner.data?.login.user.id).toBe(signedIn.user.id);
      // A direct caller is counted by its socket's address, another client again.
      expect((await client().send(op.login, { email: address, password })).errors).toBeUndefined();
    });

    it('believes no client address a caller writes itself: unsigned and forged ones count as the socket\'s peer', async () => {
      const { address } = await registered('spoofer');
      const forged = (i: number) => new SubgraphClient(identity, {
        headers: { [clientAddressHeader]: i % 2 === 0 ? `198.51.100.${i}` : signClientAddress(`198.51.100.${i}`, 'not-the-internal-secret'), 'x-forwarded-for': `198.51.100.${i}` },
      });
      let i = 0;
      await failFiveTimes(() => forged((i += 1)), address);
      expect((await forged(99).send(op.login, { email: address, password })).errors?.[0]?.extensions?.['code']).toBe('RATE_LIMITED');
      expect((await client().send(op.login, { email: address, password })).errors?.[0]?.extensions?.['code']).toBe('RATE_LIMITED');
    });

    it('a success in between starts the count again', async () => {
      const { address } = await registered('forgiven');
      const session = () => from('203.0.113.12');
      for (let i = 0; i < 4; i += 1) await session().send(op.login, { email: address, password: 'wrong password here' });
      await session().data(op.login, { email: address, password });
      for (let i = 0; i < 4; i += 1) await session().send(op.login, { email: address, password: 'wrong password here' });
      expect((await session().send(op.login, { email: address, password })).errors).toBeUndefined();
    });

    it('limits an unknown address exactly like a known one (the limit reveals no account)', async () => {
      const { address } = await registered('known');
      const ghost = email('ghost');
      const answers = [];
      for (const candidate of [address, ghost]) {
        for (let i = 0; i < 5; i += 1) await from('203.0.113.13').send(op.login, { email: candidate, password: 'wrong password here' });
        answers.push(await from('203.0.113.13').send(op.login, { email: candidate, password: 'wrong password here' }));
      }
      expect(answers[0]?.errors?.[0]?.extensions?.['code']).toBe('RATE_LIMITED');
      expect(answers[1]).toEqual(answers[0]);
    });

    it('lets no more than 5 guesses through when they arrive all at once', async () => {
      const { address } = await registered('burst');
      const answers = await Promise.all(
        Array.from({ length: 12 }, (_, i) => from('203.0.113.14').send(op.login, { email: address, password: `parallel guess ${i}` })),
      );
      const codes = answers.map((a) => a.errors?.[0]?.extensions?.['code']);
      expect(codes.filter((c) => c === 'UNAUTHENTICATED')).toHaveLength(5);
      expect(codes.filter((c) => c === 'RATE_LIMITED')).toHaveLength(7);
    });
  });

  describe('refresh', () => {
    it('rotates: a new access token and a new refresh cookie, the old cookie spent', async () => {
      const { session, signedIn } = await registered('rotate');
      const first = session.refreshToken!;
      identity.clock.advance(1_000);
      const answer = await session.send<{ refreshSession: SignedIn }>(op.refresh);
      expect(answer.errors).toBeUndefined();
      const refreshed = answer.data!.refreshSession;
      expect(refreshed.user.id).toBe(signedIn.user.id);
      expect(refreshed.accessToken).not.toBe(signedIn.accessToken);
      expect(decodeJwt(refreshed.accessToken)['sid']).toBe(decodeJwt(signedIn.accessToken)['sid']);
      expect(session.refreshToken).toBeDefined();
      expect(session.refreshToken).not.toBe(first);
      expect(await live(refreshed.accessToken)).toBe(true);

      // The successor rotates again, as many times as needed.
      await session.data(op.refresh);
      await session.data(op.refresh);
    });

    it('reuse of a spent refresh token ends the whole family: the newer token and the access tokens too', async () => {
      const { session, signedIn } = await registered('reuse');
      const stolen = session.refreshToken!;
      const { refreshSession } = await session.data<{ refreshSession: SignedIn }>(op.refresh);
      const current = session.refreshToken!;

      const replay = await client().send(op.refresh, {}, { cookie: stolen });
      expect(replay.errors?.[0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' }, message: expect.stringMatching(/already used/) });
      expect(replay.setCookie).toEqual(['mindflow_refresh=; Max-Age=0; Path=/graphql; HttpOnly; Secure; SameSite=Strict']);

      const legit = await client().send(op.refresh, {}, { cookie: current });
      expect(legit.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
      expect(await live(signedIn.accessToken)).toBe(false);
      expect(await live(refreshSession.accessToken)).toBe(false);

      // Another sign-in of the same user is a different family and lives on.
      const other = await client().send<{ login: SignedIn }>(op.login, { email: signedIn.user.email, password });
      expect(await live(other.data!.login.accessToken)).toBe(true);
    });

    it('refuses a missing, malformed or unknown cookie, and an expired one', async () => {
      expect((await client().send(op.refresh, {}, { cookie: null })).errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
      expect((await client().send(op.refresh, {}, { cookie: 'garbage' })).errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
      expect((await client().send(op.refresh, {}, { cookie: 'A'.repeat(43) })).errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
      const { session } = await registered('expiry');
      identity.clock.advance(14 * 24 * 60 * 60_000);
      session.accessToken = undefined; // long expired as well, as a client would find it
      expect((await session.send(op.refresh)).errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    });

    it('two refreshes racing with one token: one rotates, the other counts as reuse', async () => {
      const { session } = await registered('race');
      const token = session.refreshToken!;
      const answers = await Promise.all([client().send(op.refresh, {}, { cookie: token }), client().send(op.refresh, {}, { cookie: token })]);
      expect(answers.filter((a) => !a.errors).length).toBe(1);
      expect(answers.filter((a) => a.errors?.[0]?.extensions?.['code'] === 'UNAUTHENTICATED').length).toBe(1);
    });
  });

  describe('logout', () => {
    it('ends the session at once: its access token fails the liveness check, its cookie refreshes nothing', async () => {
      const { session, signedIn } = await registered('logout');
      const cookie = session.refreshToken!;
      const answer = await session.send<{ logout: boolean }>(op.logout);
      expect(answer.data).toEqual({ logout: true });
      expect(answer.setCookie).toEqual(['mindflow_refresh=; Max-Age=0; Path=/graphql; HttpOnly; Secure; SameSite=Strict']);
      expect(await live(signedIn.accessToken)).toBe(false);
      expect((await client().send(op.refresh, {}, { cookie })).errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
      // Twice is no error, just nothing left to end.
      expect((await client().send<{ logout: boolean }>(op.logout, {}, { cookie })).data).toEqual({ logout: false });
    });

    it('works with the refresh cookie alone (an expired access token is no obstacle)', async () => {
      const { session, signedIn } = await registered('cookie-logout');
      const anonymous = client();
      expect((await anonymous.send(op.logout, {}, { cookie: session.refreshToken! })).data).toEqual({ logout: true });
      expect(await live(signedIn.accessToken)).toBe(false);
    });

    it('logs out everywhere: every session of the user ends, other users keep theirs', async () => {
      const { session: laptop, address, signedIn } = await registered('everywhere');
      const phone = client();
      const { login } = await phone.data<{ login: SignedIn }>(op.login, { email: address, password });
      const { signedIn: someoneElse } = await registered('bystander');

      expect((await laptop.send(op.logout, { everywhere: true })).data).toEqual({ logout: true });
      expect(await live(signedIn.accessToken)).toBe(false);
      expect(await live(login.accessToken)).toBe(false);
      expect((await phone.send(op.refresh)).errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
      expect(await live(someoneElse.accessToken)).toBe(true);
    });

    it('ends nothing of someone else when their cookie comes with my token', async () => {
      const { session: mine, signedIn: me } = await registered('mine');
      const { session: theirs, signedIn: them } = await registered('theirs');
      expect((await mine.send(op.logout, {}, { cookie: theirs.refreshToken! })).data).toEqual({ logout: true });
      expect(await live(me.accessToken)).toBe(false);
      expect(await live(them.accessToken)).toBe(true);
    });

    it('refuses logout everywhere with neither an access token nor a cookie', async () => {
      expect((await client().send(op.logout, { everywhere: true }, { cookie: null })).errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
      expect((await client().send(op.logout, {}, { cookie: null })).data).toEqual({ logout: false });
    });
  });

  describe('me and User', () => {
    it("answers the caller's own account", async () => {
      const { session, signedIn } = await registered('me', null);
      expect(await session.data(op.me)).toEqual({ me: { id: signedIn.user.id, email: signedIn.user.email, name: null, roles: ['user'] } });
    });

    it('refuses me without a caller, and resolves no one else through _entities', async () => {
      expect((await client().send(op.me)).errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
      const { session } = await registered('entities');
      const { signedIn: other } = await registered('other');
      const entities = /* GraphQL */ 'query ($r: [_Any!]!) { _entities(representations: $r) { ... on User { id email } } }';
      const answer = await session.data<{ _entities: unknown[] }>(entities, {
        r: [{ __typename: 'User', id: other.user.id }, { __typename: 'User', id: session.accessToken && String(decodeJwt(session.accessToken).sub) }],
      });
      expect(answer._entities).toEqual([null, { id: String(decodeJwt(session.accessToken!).sub), email: expect.any(String) }]);
    });
  });

  describe('JWKS', () => {
    it('publishes the public key that verifies the tokens, by kid, and nothing private', async () => {
      const res = await fetch(identity.service.jwksUrl);
      expect(res.headers.get('content-type')).toBe('application/jwk-set+json');
      const { keys } = (await res.json()) as { keys: Record<string, string>[] };
      const { signedIn } = await registered('jwks');
      expect(keys).toEqual([expect.objectContaining({ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA', use: 'sig', kid: decodeProtectedHeader(signedIn.accessToken).kid })]);
      expect(keys[0]).not.toHaveProperty('d');
    });

    it('answers the liveness check only for session ids', async () => {
      expect((await fetch(`${identity.service.sessionsUrl}/${randomUUID()}`)).status).toBe(404);
      expect((await fetch(`${identity.service.sessionsUrl}/..%2F..%2Fetc`)).status).toBe(404);
    });
  });
});
