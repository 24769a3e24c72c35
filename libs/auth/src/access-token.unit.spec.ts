import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type Server } from 'node:http';
import { base64url, exportPKCS8, exportSPKI, generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InvalidTokenError, issueAccessToken, publicJwks, verifyAccessToken } from './access-token.js';
import { loadSigningKeys, type SigningKeys } from './keys.js';

const userId = '3f1c6c56-8b1e-4c38-9a43-1f0f3b0c2a11';
let keys: SigningKeys;
let otherKeys: SigningKeys;

beforeAll(async () => {
  const dir = await mkdtemp(join(tmpdir(), 'mindflow-auth-'));
  keys = await loadSigningKeys({}, join(dir, 'a'));
  otherKeys = await loadSigningKeys({}, join(dir, 'b'));
});

describe('access tokens', () => {
  it('round-trips subject, roles, email and expiry', async () => {
    const now = new Date('2030-01-01T00:00:00Z');
    const { token, expiresAt } = await issueAccessToken({ userId, roles: ['user'], email: 'a@b.c' }, keys, 900, now);
    expect(expiresAt.toISOString()).toBe('2030-01-01T00:15:00.000Z');
    const verified = await verifyAccessToken(token, { publicKey: keys.publicKey }, now);
    expect(verified).toEqual({ userId, roles: ['user'], email: 'a@b.c', expiresAt });
  });

  it('refuses an expired token', async () => {
    const { token } = await issueAccessToken({ userId, roles: ['user'] }, keys, 60, new Date(Date.now() - 3_600_000));
    await expect(verifyAccessToken(token, { publicKey: keys.publicKey })).rejects.toThrow(/expired/);
  });

  it('refuses a tampered payload', async () => {
    const { token } = await issueAccessToken({ userId, roles: ['user'] }, keys);
    const [header, payload, signature] = token.split('.') as [string, string, string];
    const claims = JSON.parse(new TextDecoder().decode(base64url.decode(payload))) as Record<string, unknown>;
    const forged = base64url.encode(JSON.stringify({ ...claims, roles: ['admin'] }));
    await expect(verifyAccessToken(`${header}.${forged}.${signature}`, { publicKey: keys.publicKey })).rejects.toThrow(InvalidTokenError);
  });

  it('refuses a token signed with another key', async () => {
    const { token } = await issueAccessToken({ userId, roles: ['user'] }, otherKeys);
    await expect(verifyAccessToken(token, { publicKey: keys.publicKey })).rejects.toThrow(InvalidTokenError);
  });

  it('refuses alg none', async () => {
    const header = base64url.encode(JSON.stringify({ alg: 'none', typ: 'JWT' }));
    const exp = Math.floor(Date.now() / 1000) + 600;
    const payload = base64url.encode(JSON.stringify({ sub: userId, roles: ['admin'], iss: 'mindflow', exp }));
    await expect(verifyAccessToken(`${header}.${payload}.`, { publicKey: keys.publicKey })).rejects.toThrow(InvalidTokenError);
  });

  it('refuses a wrong issuer and a token without roles', async () => {
    const exp = Math.floor(Date.now() / 1000) + 600;
    const wrongIssuer = await new SignJWT({ roles: ['user'] }).setProtectedHeader({ alg: 'EdDSA' })
      .setSubject(userId).setIssuer('someone-else').setExpirationTime(exp).sign(keys.privateKey);
    await expect(verifyAccessToken(wrongIssuer, { publicKey: keys.publicKey })).rejects.toThrow(/iss/);
    const noRoles = await new SignJWT({}).setProtectedHeader({ alg: 'EdDSA' })
      .setSubject(userId).setIssuer('mindflow').setExpirationTime(exp).sign(keys.privateKey);
    await expect(verifyAccessToken(noRoles, { publicKey: keys.publicKey })).rejects.toThrow(/roles/);
  });

  it('refuses garbage', async () => {
    await expect(verifyAccessToken('not-a-jwt', { publicKey: keys.publicKey })).rejects.toThrow(InvalidTokenError);
  });
});

describe('JWKS', () => {
  let server: Server;
  let url: string;
  beforeAll(async () => {
    const jwks = await publicJwks(keys);
    server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(jwks));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/.well-known/jwks.json`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('publishes the public key only, with kid and alg', async () => {
    const { keys: [jwk] } = await publicJwks(keys);
    expect(jwk).toMatchObject({ kty: 'OKP', crv: 'Ed25519', kid: keys.kid, alg: 'EdDSA', use: 'sig' });
    expect(jwk).not.toHaveProperty('d');
  });

  it('verifies through a remote JWKS and refuses a key it does not publish', async () => {
    const { token } = await issueAccessToken({ userId, roles: ['user'] }, keys);
    await expect(verifyAccessToken(token, { jwksUrl: url })).resolves.toMatchObject({ userId });
    const { token: foreign } = await issueAccessToken({ userId, roles: ['user'] }, otherKeys);
    await expect(verifyAccessToken(foreign, { jwksUrl: url })).rejects.toThrow(InvalidTokenError);
  });
});

describe('configured keys', () => {
  it('loads a PEM pair from the environment, with escaped newlines too', async () => {
    const pair = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
    const config = {
      AUTH_PRIVATE_KEY: (await exportPKCS8(pair.privateKey)).replace(/\n/g, '\\n'),
      AUTH_PUBLIC_KEY: await exportSPKI(pair.publicKey),
    };
    const loaded = await loadSigningKeys(config, '/nonexistent');
    const { token } = await issueAccessToken({ userId, roles: ['user'] }, loaded);
    await expect(verifyAccessToken(token, { publicKey: pair.publicKey })).resolves.toMatchObject({ userId });
  });

  it('refuses half a pair', async () => {
    await expect(loadSigningKeys({ AUTH_PUBLIC_KEY: 'x' }, '/nonexistent')).rejects.toThrow(/together/);
  });
});
