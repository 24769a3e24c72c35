import { mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { calculateJwkThumbprint, exportJWK, exportPKCS8, exportSPKI, generateKeyPair, importPKCS8, importSPKI } from 'jose';
import type { CryptoKey } from 'jose';
import { repoRoot } from '@mindflow/platform';

/** The one signing algorithm of access tokens (CONVENTIONS.md, "Auth between the parts"). */
export const accessTokenAlgorithm = 'EdDSA';

export interface SigningKeys {
  readonly privateKey: CryptoKey;
  readonly publicKey: CryptoKey;
  /** JWK thumbprint of the public key: the `kid` of every token, so a JWKS can hold several keys while rotating. */
  readonly kid: string;
}

export interface KeyConfig {
  readonly AUTH_PRIVATE_KEY?: string | undefined;
  readonly AUTH_PUBLIC_KEY?: string | undefined;
}

/** Where the dev key pair lives when no key is configured: git-ignored, shared by every local process. */
export const devKeyDir = join(repoRoot, '.cache', 'dev-keys');

/**
 * The Ed25519 key pair from `AUTH_PRIVATE_KEY`/`AUTH_PUBLIC_KEY` (PEM), or — when neither is set — a dev
 * pair generated once into `.cache/dev-keys/` and reused, so tokens stay valid across restarts and
 * every local process (gateway, identity, the dev-token CLI) agrees on the key.
 */
export async function loadSigningKeys(config: KeyConfig = process.env, dir = devKeyDir): Promise<SigningKeys> {
  const { privatePem, publicPem } = await pemPair(config, dir);
  const privateKey = await importPKCS8(privatePem, accessTokenAlgorithm, { extractable: false });
  const publicKey = await importSPKI(publicPem, accessTokenAlgorithm, { extractable: true });
  return { privateKey, publicKey, kid: await calculateJwkThumbprint(await exportJWK(publicKey)) };
}

/** The public key alone (a verifier never needs the private one): `AUTH_PUBLIC_KEY`, else the dev pair's. */
export async function loadPublicKey(config: KeyConfig = process.env, dir = devKeyDir): Promise<CryptoKey> {
  const pem = nonEmpty(config.AUTH_PUBLIC_KEY) ?? (await pemPair(config, dir)).publicPem;
  return importSPKI(normalizePem(pem), accessTokenAlgorithm, { extractable: true });
}

async function pemPair(config: KeyConfig, dir: string): Promise<{ privatePem: string; publicPem: string }> {
  const privatePem = nonEmpty(config.AUTH_PRIVATE_KEY);
  const publicPem = nonEmpty(config.AUTH_PUBLIC_KEY);
  if (privatePem && publicPem) return { privatePem: normalizePem(privatePem), publicPem: normalizePem(publicPem) };
  if (privatePem || publicPem) {
    // Half a configured pair next to a generated dev half would issue tokens nobody can verify.
    throw new Error('AUTH_PRIVATE_KEY and AUTH_PUBLIC_KEY must be set together (or neither, for the dev key pair)');
  }
  return devKeyPair(dir);
}

async function devKeyPair(dir: string): Promise<{ privatePem: string; publicPem: string }> {
  const existing = await readPair(dir);
  if (existing) return existing;
  const { privateKey, publicKey } = await generateKeyPair(accessTokenAlgorithm, { crv: 'Ed25519', extractable: true });
  const pair = { privatePem: await exportPKCS8(privateKey), publicPem: await exportSPKI(publicKey) };
  // Written into a temporary folder renamed into place: processes starting together end up with one pair.
  await mkdir(join(dir, '..'), { recursive: true });
  const staging = await mkdtemp(`${dir}-`);
  await writeFile(join(staging, 'private.pem'), pair.privatePem, { mode: 0o600 });
  await writeFile(join(staging, 'public.pem'), pair.publicPem);
  try {
    await rename(staging, dir);
    return pair;
  } catch {
    await rm(staging, { recursive: true, force: true });
    const winner = await readPair(dir);
    if (!winner) throw new Error(`could not create the dev key pair in ${dir}`);
    return winner;
  }
}

async function readPair(dir: string): Promise<{ privatePem: string; publicPem: string } | undefined> {
  try {
    const [privatePem, publicPem] = await Promise.all([
      readFile(join(dir, 'private.pem'), 'utf8'),
      readFile(join(dir, 'public.pem'), 'utf8'),
    ]);
    return { privatePem, publicPem };
  } catch {
    return undefined;
  }
}

function nonEmpty(value: string | undefined): string | undefined {
  return value && value.trim() ? value : undefined;
}

/** PEM from an env var often arrives with literal `\n` (docker, k8s secrets written by hand). */
function normalizePem(pem: string): string {
  return pem.includes('\\n') ? pem.replace(/\\n/g, '\n') : pem;
}
