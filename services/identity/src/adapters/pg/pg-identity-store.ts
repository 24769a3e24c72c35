import { withTransaction, type Pool } from '@mindflow/db';
import { appendToOutbox } from '@mindflow/event-log';
import type { KeyStore } from '@mindflow/events';
import type { IdentityStore, IdentityTransaction } from '../../application/ports/identity-store.js';
import { insertRefreshToken, insertSession, lockRefreshToken, markRotated, revokeAllSessions, revokeSessions, sessionOfRefreshToken } from './session-rows.js';
import type { Tx } from './sql-client.js';
import { erasureReads, erasureWrites } from './erasure-rows.js';
import { deleteUser, findAccount, findCredentials, findCredentialsByEmail, insertUser, nextUserVersion, updatePasswordHash } from './user-rows.js';

/** One identity operation's transaction: every port bound to one `pg` client inside BEGIN … COMMIT. */
function pgIdentityTransaction(tx: Tx, keys: KeyStore | undefined): IdentityTransaction {
  return {
    users: {
      insert: (user) => insertUser(tx, user),
      nextVersion: (userId) => nextUserVersion(tx, userId),
      find: (userId) => findAccount(tx, userId),
      delete: (userId) => deleteUser(tx, userId),
    },
    erasures: erasureWrites(tx),
    sessions: {
      insert: (session) => insertSession(tx, session),
      revoke: (userId, sessionIds, reason, at) => revokeSessions(tx, userId, sessionIds, reason, at),
      revokeAll: (userId, reason, at) => revokeAllSessions(tx, userId, reason, at),
    },
    refreshTokens: {
      insert: (token) => insertRefreshToken(tx, token),
      lock: (hash) => lockRefreshToken(tx, hash),
      markRotated: (hash, sessionId, at) => markRotated(tx, hash, sessionId, at),
    },
    // Personal fields (email, name) sealed with the user's data key where a key store is wired (crypto-shredding).
    outbox: { append: (events) => appendToOutbox(tx, events, keys ? { keys } : {}) },
  };
}

/** Identity's database (accounts, credentials, sessions, refresh tokens, its outbox) behind the application's port. */
export function pgIdentityStore(pool: Pool, keys?: KeyStore): IdentityStore {
  return {
    transaction: (work) => withTransaction(pool, (tx) => work(pgIdentityTransaction(tx, keys))),
    users: {
      find: (userId) => findAccount(pool, userId),
      findCredentialsByEmail: (emailKey) => findCredentialsByEmail(pool, emailKey),
      findCredentials: (userId) => findCredentials(pool, userId),
      updatePasswordHash: (userId, passwordHash, at) => updatePasswordHash(pool, userId, passwordHash, at),
    },
    erasures: erasureReads(pool),
    refreshTokens: { sessionOf: (hash) => sessionOfRefreshToken(pool, hash) },
  };
}
