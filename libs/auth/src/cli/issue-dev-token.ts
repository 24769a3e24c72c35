// Prints an access token for a user id, signed with the configured (or dev) key, for the playground and
// curl until the identity service issues real ones:
//   npm run issue-dev-token -w @mindflow/auth -- [user-id] [--roles user,admin] [--email a@b.c] [--ttl 3600]
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { issueAccessToken } from '../access-token.js';
import { loadSigningKeys } from '../keys.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    roles: { type: 'string', default: 'user' },
    email: { type: 'string' },
    ttl: { type: 'string', default: String(15 * 60) },
    json: { type: 'boolean', default: false },
  },
});

const userId = positionals[0] ?? randomUUID();
const ttl = Number(values.ttl);
if (!/^[0-9a-f-]{36}$/i.test(userId) || !Number.isInteger(ttl) || ttl <= 0) {
  console.error('usage: issue-dev-token [user-id (uuid)] [--roles user,admin] [--email a@b.c] [--ttl seconds] [--json]');
  process.exit(2);
}
const roles = values.roles.split(',').map((r) => r.trim()).filter(Boolean);
const { token, expiresAt } = await issueAccessToken(
  { userId, roles, ...(values.email ? { email: values.email } : {}) },
  await loadSigningKeys(),
  ttl,
);
if (values.json) console.log(JSON.stringify({ userId, roles, token, expiresAt: expiresAt.toISOString() }));
else {
  console.error(`user ${userId}, roles [${roles.join(', ')}], expires ${expiresAt.toISOString()}`);
  console.log(token);
}
