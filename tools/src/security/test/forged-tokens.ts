// Access tokens an attacker can make without the signing key: each a variation of a real one.
import { randomUUID } from 'node:crypto';
import { exportSPKI, generateKeyPair, SignJWT, decodeJwt, decodeProtectedHeader } from 'jose';
import { issueAccessToken, loadSigningKeys, tokenIssuer } from '@mindflow/auth';

const b64 = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

/** Claims like identity's, for `userId`, valid for 15 minutes. */
function claimsFor(userId: string): Record<string, unknown> {
  const now = Math.floor(Date.now() / 1000);
  return { sub: userId, roles: ['user', 'admin'], iss: tokenIssuer, iat: now, exp: now + 900 };
}

/** Named forgeries of a token for `victimId`, given a real token of the attacker (`own`). */
export async function forgedTokens(own: string, victimId: string): Promise<Record<string, string>> {
  const [header, payload, signature] = own.split('.') as [string, string, string];
  const realHeader = decodeProtectedHeader(own);
  const keys = await loadSigningKeys();
  const stranger = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
  const signWithStranger = (kid: string) =>
    new SignJWT(claimsFor(victimId)).setProtectedHeader({ alg: 'EdDSA', typ: 'JWT', kid }).sign(stranger.privateKey);
  // "Key confusion": HMAC with the server's public key (which anyone can fetch from the JWKS) as the secret.
  const publicPem = await exportSPKI(keys.publicKey);
  const hs256 = await new SignJWT(claimsFor(victimId)).setProtectedHeader({ alg: 'HS256', typ: 'JWT', kid: realHeader.kid! })
    .sign(new TextEncoder().encode(publicPem));
  const flipped = signature.slice(0, -2) + (signature.endsWith('AA') ? 'BB' : 'AA');
  return {
    'tampered signature': `${header}.${payload}.${flipped}`,
    'payload swapped to another user': `${header}.${b64({ ...decodeJwt(own), sub: victimId })}.${signature}`,
    'no signature': `${header}.${payload}.`,
    'alg none': `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claimsFor(victimId))}.`,
    'alg none, upper case': `${b64({ alg: 'NONE', typ: 'JWT', kid: realHeader.kid })}.${b64(claimsFor(victimId))}.`,
    'HS256 with the public key as secret': hs256,
    'another Ed25519 key, same kid': await signWithStranger(realHeader.kid!),
    'another Ed25519 key, its own kid': await signWithStranger(randomUUID()),
    expired: (await issueAccessToken({ userId: victimId, roles: ['user'] }, keys, 900, new Date(Date.now() - 3_600_000))).token,
    'wrong issuer': await new SignJWT({ ...claimsFor(victimId), iss: 'someone-else' })
      .setProtectedHeader({ alg: 'EdDSA', typ: 'JWT', kid: keys.kid }).sign(keys.privateKey),
    'no expiry': await new SignJWT({ sub: victimId, roles: ['user'], iss: tokenIssuer })
      .setProtectedHeader({ alg: 'EdDSA', typ: 'JWT', kid: keys.kid }).sign(keys.privateKey),
  };
}

/** `Authorization` values that are not a bearer token at all. */
export const garbledAuthorization: Record<string, string> = {
  'Bearer alone': 'Bearer',
  'Basic credentials': `Basic ${b64('alice@example.com:password')}`,
  'three dots of nothing': 'Bearer ..',
  'not base64': 'Bearer ###.$$$.%%%',
  'two tokens': 'Bearer a.b.c Bearer d.e.f',
  'a JSON object': 'Bearer {"sub":"x"}',
  'a long junk token': `Bearer ${'x'.repeat(6_000)}`,
};
