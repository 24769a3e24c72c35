import type { AnyEvent } from '@mindflow/events';
import type { Role } from '../../domain/account/roles.js';
import type { PresentedRefreshToken } from '../../domain/session/refresh-rotation.js';
import type { ErasureReads, ErasureWrites } from './erasure-store.js';

/** An account as the API shows it. */
export interface UserAccount {
  readonly id: string;
  readonly email: string;
  readonly name: string | null;
  readonly roles: readonly string[];
  readonly createdAt: Date;
}

/** An account with what a login needs. */
export interface UserCredentials extends UserAccount {
  readonly passwordHash: string;
}

export type RevocationReason = 'logout' | 'logout-everywhere' | 'refresh-token-reuse' | 'account-deleted';

/** Reads and writes of one identity operation, inside one transaction of identity's database. */
export interface IdentityTransaction {
  readonly users: {
    /** Inserts the account, its credential and roles; false (writing nothing) when the address is registered in any letter case. */
    insert(user: { id: string; email: string; name: string | null; passwordHash: string; roles: readonly Role[]; at: Date }): Promise<boolean>;
    /** Takes the next version of the user aggregate (for its next event), holding the account until commit. */
    nextVersion(userId: string): Promise<number>;
    find(userId: string): Promise<UserAccount | null>;
    /** Deletes the account with its credential, roles, sessions and refresh tokens (erasure). */
    delete(userId: string): Promise<void>;
  };
  readonly erasures: ErasureWrites;
  readonly sessions: {
    insert(session: { id: string; userId: string; at: Date; expiresAt: Date; userAgent: string | null }): Promise<void>;
    /** Revokes the given sessions of a user that are still live; returns those it revoked. */
    revoke(userId: string, sessionIds: readonly string[], reason: RevocationReason, at: Date): Promise<string[]>;
    /** Revokes every live session of a user; returns them. */
    revokeAll(userId: string, reason: RevocationReason, at: Date): Promise<string[]>;
  };
  readonly refreshTokens: {
    insert(token: { hash: Buffer; sessionId: string; at: Date; expiresAt: Date }): Promise<void>;
    /** The token and its session, both locked until commit: two refreshes with one token run one after the other. */
    lock(hash: Buffer): Promise<PresentedRefreshToken | null>;
    /** Spends a token and records the session's use. */
    markRotated(hash: Buffer, sessionId: string, at: Date): Promise<void>;
  };
  /** Identity's outbox: the events commit with the rows. */
  readonly outbox: { append(events: readonly AnyEvent[]): Promise<void> };
}

/** Identity's database: one transaction per operation, plus the reads and writes that need none. */
export interface IdentityStore {
  transaction<R>(work: (tx: IdentityTransaction) => Promise<R>): Promise<R>;
  readonly users: {
    find(userId: string): Promise<UserAccount | null>;
    findCredentialsByEmail(emailKey: string): Promise<UserCredentials | null>;
    findCredentials(userId: string): Promise<UserCredentials | null>;
    /** Replaces the hash (a rehash with the current parameters after a successful login). */
    updatePasswordHash(userId: string, passwordHash: string, at: Date): Promise<void>;
  };
  readonly erasures: ErasureReads;
  readonly refreshTokens: {
    /** Who a refresh token (spent or not) belongs to, and its session: enough to log that sign-in out. */
    sessionOf(hash: Buffer): Promise<{ sessionId: string; userId: string } | null>;
  };
}
