import type { Role } from '../../domain/account/roles.js';
import type { UserAccount, UserCredentials } from '../../application/ports/identity-store.js';
import type { Sql, Tx } from './sql-client.js';

// The subgraph's User resolvers name the account by this module.
export type { UserAccount, UserCredentials };

const accountColumns = `u.user_id, u.email, u.name, u.created_at,
  ARRAY(SELECT r.role FROM user_roles r WHERE r.user_id = u.user_id ORDER BY r.role) AS roles`;

interface AccountRow { user_id: string; email: string; name: string | null; created_at: Date; roles: string[] }

const account = (row: AccountRow): UserAccount => ({
  id: row.user_id,
  email: row.email,
  name: row.name,
  roles: row.roles,
  createdAt: row.created_at,
});

/**
 * Inserts the account, its credential and roles. Returns false (writing nothing) when the address is
 * already registered in any letter case.
 */
export async function insertUser(
  tx: Tx,
  user: { id: string; email: string; name: string | null; passwordHash: string; roles: readonly Role[]; at: Date },
): Promise<boolean> {
  const inserted = await tx.query(
    `INSERT INTO users (user_id, email, name, version, created_at) VALUES ($1, $2, $3, 1, $4)
     ON CONFLICT ((lower(email))) DO NOTHING`,
    [user.id, user.email, user.name, user.at],
  );
  if (inserted.rowCount === 0) return false;
  await tx.query('INSERT INTO credentials (user_id, password_hash, updated_at) VALUES ($1, $2, $3)', [user.id, user.passwordHash, user.at]);
  await tx.query(
    'INSERT INTO user_roles (user_id, role, granted_at) SELECT $1, role, $3 FROM unnest($2::text[]) AS role',
    [user.id, user.roles, user.at],
  );
  return true;
}

export async function findAccount(sql: Sql, userId: string): Promise<UserAccount | null> {
  const { rows } = await sql.query<AccountRow>(`SELECT ${accountColumns} FROM users u WHERE u.user_id = $1`, [userId]);
  return rows[0] ? account(rows[0]) : null;
}

export async function findCredentialsByEmail(sql: Sql, emailKey: string): Promise<UserCredentials | null> {
  const { rows } = await sql.query<AccountRow & { password_hash: string }>(
    `SELECT ${accountColumns}, c.password_hash FROM users u JOIN credentials c USING (user_id) WHERE lower(u.email) = $1`,
    [emailKey],
  );
  return rows[0] ? { ...account(rows[0]), passwordHash: rows[0].password_hash } : null;
}

/** Takes the next version of the user aggregate (for its next event), holding the row until commit. */
export async function nextUserVersion(tx: Tx, userId: string): Promise<number> {
  const { rows } = await tx.query<{ version: number }>('UPDATE users SET version = version + 1 WHERE user_id = $1 RETURNING version', [userId]);
  if (!rows[0]) throw new Error(`user ${userId} vanished`);
  return rows[0].version;
}

/** Replaces the hash (a rehash with the current parameters after a successful login). */
export async function updatePasswordHash(sql: Sql, userId: string, passwordHash: string, at: Date): Promise<void> {
  await sql.query('UPDATE credentials SET password_hash = $2, updated_at = $3 WHERE user_id = $1', [userId, passwordHash, at]);
}

export async function findCredentials(sql: Sql, userId: string): Promise<UserCredentials | null> {
  const { rows } = await sql.query<AccountRow & { password_hash: string }>(
    `SELECT ${accountColumns}, c.password_hash FROM users u JOIN credentials c USING (user_id) WHERE u.user_id = $1`,
    [userId],
  );
  return rows[0] ? { ...account(rows[0]), passwordHash: rows[0].password_hash } : null;
}

/** Deletes the account; its credential, roles, sessions and refresh tokens go with it (ON DELETE CASCADE). */
export async function deleteUser(tx: Tx, userId: string): Promise<void> {
  await tx.query('DELETE FROM users WHERE user_id = $1', [userId]);
}
