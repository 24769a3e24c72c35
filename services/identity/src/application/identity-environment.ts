import type { Logger } from '@mindflow/platform';
import type { SessionPolicy } from '../domain/session/session-policy.js';
import type { ErasurePolicy } from './erasure-saga.js';
import type { LoginLimiter } from './login-limiter.js';
import type { AccessTokenSigner } from './ports/access-token-signer.js';
import type { DataKeys } from './ports/data-keys.js';
import type { IdentityStore } from './ports/identity-store.js';
import type { PasswordHasher } from './ports/password-hasher.js';
import type { RefreshTokens } from './ports/refresh-tokens.js';
import type { PasswordResets } from './password-reset.js';
import type { SessionRegistry } from './session-registry.js';

/**
 * What identity's use cases need from the world, as ports this layer owns; `identity-service.ts` wires the
 * adapters. Tests swap the clock (lockout, expiry) and keep the rest real.
 */
export interface IdentityEnvironment {
  readonly store: IdentityStore;
  readonly now: () => Date;
  readonly newId: () => string;
  readonly passwords: PasswordHasher;
  readonly refreshTokens: RefreshTokens;
  readonly accessTokens: AccessTokenSigner;
  readonly sessions: SessionRegistry;
  readonly loginLimits: LoginLimiter;
  readonly sessionPolicy: SessionPolicy;
  /** Forgotten passwords: the reset links' store, the mailer, the limits, the app's page. */
  readonly passwordResets: PasswordResets;
  readonly log: Logger;
  /** The users' data keys (crypto-shredding): erasure destroys one. */
  readonly dataKeys: DataKeys;
  readonly erasure: ErasurePolicy;
}

/** Who is asking, as far as identity cares: for the events' correlation id, the session's device, login limits. */
export interface RequestInfo {
  readonly correlationId: string;
  readonly userAgent: string | null;
  /** The client's network address: as the gateway vouches for it (signed), else the socket's peer. */
  readonly clientAddress: string;
}
