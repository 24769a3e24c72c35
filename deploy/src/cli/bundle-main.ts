// `npm run bundle -w @mindflow/deploy -- [role …]`: bundles the named roles (default: every role whose
// entry exists) into dist/bundle/<role>/<role>.mjs with their runtime files. The Dockerfiles run this.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { repoRoot } from '@mindflow/platform';
import { bundleRole } from '../bundle/bundle-role.js';
import { bundledRoles, roleNamed } from '../roles/roles.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { out: { type: 'string', default: join(repoRoot, 'dist', 'bundle') }, sourcemap: { type: 'boolean', default: false } },
});

// A role that runs another's bundle (identity-relay runs relay.mjs) is bundled as that one.
const named = positionals.map(roleNamed).map((r) => (r.bundle ? roleNamed(r.bundle) : r));
const wanted = positionals.length > 0 ? [...new Set(named)] : bundledRoles().filter((r) => existsSync(join(repoRoot, r.entry)));
for (const role of bundledRoles()) if (positionals.length === 0 && !wanted.includes(role)) console.log(`- ${role.name}: ${role.entry} does not exist yet, skipped`);
const results = await Promise.all(wanted.map((role) => bundleRole(role, { repoRoot, outRoot: values.out, sourcemap: values.sourcemap })));
for (const r of results) {
  console.log(`✓ ${r.role}: ${(r.bytes / 1024 / 1024).toFixed(2)} MiB, ${r.assets.length} runtime files → ${r.bundle}`);
}
