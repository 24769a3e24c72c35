import type { PresentedRefreshToken } from '../../domain/session/refresh-rotation.js';
import type { RevocationReason } from '../../application/ports/identity-store.js';
import type { Sql, Tx } from './sql-client.js';


export async function insertSession(
  tx: Tx,
  session: { id: string; userId: string; at: Date; expiresAt: Date; userAgent: string | null },
): Promise<void> {
  await tx.query(
    `INSERT INTO sessions (session_id, user_id, created_at, last_used_at, expires_at, user_agent) VALUES ($1, $2, $3, $3, $4, $5)`,
    [session.id, session.userId, session.at, session.expiresAt, session.userAgent?.slice(0, 512) ?? null],
  );
}

export async function insertRefreshToken(
  tx: Tx,
  token: { hash: Buffer; sessionId: string; at: Date; expiresAt: Date },
): Promise<void> {
  await tx.query(
    'INSERT INTO refresh_tokens (token_hash, session_id, issued_at, expires_at) VALUES ($1, $2, $3, $4)',
    [token.hash, token.sessionId, token.at, token.expiresAt],
  );
}

/** The token and its session, both locked until commit: two refreshes with one token run one after the other. */
export async function lockRefreshToken(tx: Tx, hash: Buffer): Promise<PresentedRefreshToken | null> {
  const { rows } = await tx.query<{
    session_id: string; user_id: string; expires_at: Date; rotated_at: Date | null; session_expires_at: Date; revoked_at: Date | null;
  }>(
    `SELECT t.session_id, s.user_id, t.expires_at, t.rotated_at, s.expires_at AS session_expires_at, s.revoked_at
     FROM refresh_tokens t JOIN sessions s USING (session_id) WHERE t.token_hash = $1 FOR UPDATE OF t, s`,
    [hash],
  );
  const row = rows[0];
  if (!row) return null;
  return {
    sessionId: row.session_id,
    userId: row.user_id,
    expiresAt: row.expires_at,
    rotatedAt: row.rotated_at,
    sessionExpiresAt: row.session_expires_at,
    sessionRevokedAt: row.revoked_at,
  };
}

/** Spends a token and records the session's use. */
export async function markRotated(tx: Tx, hash: Buffer, sessionId: string, at: Date): Promise<void> {
  await tx.query('UPDATE refresh_tokens SET rotated_at = $2 WHERE token_hash = $1', [hash, at]);
  await tx.query('UPDATE sessions SET last_used_at = $2 WHERE session_id = $1', [sessionId, at]);
}

export async function sessionExpiry(sql: Sql, sessionId: string): Promise<Date> {
  const { rows } = await sql.query<{ expires_at: Date }>('SELECT expires_at FROM sessions WHERE session_id = $1', [sessionId]);
  if (!rows[0]) throw new Error(`session ${sessionId} vanished`);
  return rows[0].expires_at;
}

/** Revokes the given sessions of a user that are still live; returns those it revoked. */
export async function revokeSessions(tx: Tx, userId: string, sessionIds: readonly string[], reason: RevocationReason, at: Date): Promise<string[]> {
  const { rows } = await tx.query<{ session_id: string }>(
    `UPDATE sessions SET revoked_at = $4, revoked_reason = $3
     WHERE user_id = $1 AND session_id = ANY($2::uuid[]) AND revoked_at IS NULL RETURNING session_id`,
    [userId, sessionIds, reason, at],
  );
  return rows.map((row) => row.session_id);
}

/** Revokes every live session of a user; returns them. */
export async function revokeAllSessions(tx: Tx, userId: string, reason: RevocationReason, at: Date): Promise<string[]> {
  const { rows } = await tx.query<{ session_id: string }>(
    `UPDATE sessions SET revoked_at = $3, revoked_reason = $2 WHERE user_id = $1 AND revoked_at IS NULL RETURNING session_id`,
    [userId, reason, at],
  );
  return rows.map((row) => row.session_id);
}

/** Who a refresh token (spent or not) belongs to, and its session: enough to log that sign-in out. */
export async function sessionOfRefreshToken(sql: Sql, hash: Buffer): Promise<{ sessionId: string; userId: string } | null> {
  const { rows } = await sql.query<{ session_id: string; user_id: string }>(
    'SELECT t.session_id, s.user_id FROM refresh_tokens t JOIN sessions s USING (session_id) WHERE t.token_hash = $1',
    [hash],
  );
  return rows[0] ? { sessionId: rows[0].session_id, userId: rows[0].user_id } : null;
}

/** Sessions neither revoked nor expired: what an in-process session registry starts from. */
export async function liveSessions(sql: Sql, at: Date): Promise<{ sessionId: string; userId: string; expiresAt: Date }[]> {
  const { rows } = await sql.query<{ session_id: string; user_id: string; expires_at: Date }>(
    'SELECT session_id, user_id, expires_at FROM sessions WHERE revoked_at IS NULL AND expires_at > $1',
    [at],
  );
  return rows.map((row) => ({ sessionId: row.session_id, userId: row.user_id, expiresAt: row.expires_at }));
}

/** Forgets what can no longer matter: ended sessions (with their tokens). */
export async function purgeEnded(sql: Sql, at: Date, keepMs: number): Promise<number> {
  const before = new Date(at.getTime() - keepMs);
  const sessions = await sql.query('DELETE FROM sessions WHERE expires_at < $1 OR revoked_at < $1', [before]);
  return sessions.rowCount ?? 0;
}
