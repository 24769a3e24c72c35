import { z } from 'zod';
import type { Verifier } from './access-token.js';
import { devCallerSecret } from './caller.js';
import { loadPublicKey, type KeyConfig } from './keys.js';

/**
 * The auth variables of CONVENTIONS.md, as a zod shape a process spreads into its own `loadConfig` schema.
 * `AUTH_JWKS_URL` (optional) makes a verifier fetch the identity service's keys instead of holding one.
 */
export const authConfigShape = {
  AUTH_PRIVATE_KEY: z.string().optional(),
  AUTH_PUBLIC_KEY: z.string().optional(),
  AUTH_JWKS_URL: z.url().optional(),
  INTERNAL_CALLER_SECRET: z.string().min(16, 'INTERNAL_CALLER_SECRET must be at least 16 characters').default(devCallerSecret),
};

/** How a process that only verifies tokens (the gateway) gets its key: a JWKS URL, else a public key (configured or dev). */
export async function verifierFromConfig(config: { AUTH_JWKS_URL?: string | undefined } & KeyConfig): Promise<Verifier> {
  if (config.AUTH_JWKS_URL) return { jwksUrl: config.AUTH_JWKS_URL };
  return { publicKey: await loadPublicKey(config) };
}
