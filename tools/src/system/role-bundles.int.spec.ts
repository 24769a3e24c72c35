// The role bundle builder on real esbuild builds, each test in a folder of its own (never the test tiers'
// .cache/role-bundles): two real roles for what a system run relies on (a bundle and a pointer per role, the
// bundle found by the role's entry), and two small roles of our own, whose files the tests may change (the
// repository's are not touched), for what is rebuilt when and which builds are kept.
import { existsSync, readFileSync, readlinkSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { roleNamed, type Role } from '@mindflow/deploy';
import { repoRoot } from '@mindflow/platform';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { buildRoleBundles, roleBundleFor, roleBundlesVariable } from './role-bundles.js';

const temporary: string[] = [];
afterAll(async () => {
  await Promise.all(temporary.map((dir) => rm(dir, { recursive: true, force: true })));
});

async function temporaryDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  temporary.push(dir);
  return dir;
}

const pointerOf = (dir: string, name: string) => JSON.parse(readFileSync(join(dir, `${name}.json`), 'utf8')) as { bundle: string; files: Record<string, unknown> };
const pointerText = (dir: string, name: string) => readFileSync(join(dir, `${name}.json`), 'utf8');
/** `<dir>/builds/<time>-<pid>` of a bundle `<that>/<role>/<role>.mjs`. */
const buildOf = (bundle: string) => join(bundle, '..', '..');
const hourAgo = () => new Date(Date.now() - 3600_000);
const daysAgo = (days: number) => new Date(Date.now() - days * 24 * 3600_000);

describe('role bundles of real roles', () => {
  it('builds a bundle and a pointer per role, then nothing while nothing changed; a role entry finds its bundle only when MINDFLOW_ROLE_BUNDLES names the folder', async () => {
    const dir = await temporaryDir('role-bundles-real-');
    const only = [roleNamed('relay'), roleNamed('query-projector')];

    expect((await buildRoleBundles(dir, undefined, only)).sort()).toEqual(['query-projector', 'relay']);
    const before = Object.fromEntries(only.map((r) => [r.name, pointerText(dir, r.name)]));
    // Nothing changed in between: no build, no pointer replaced, no build folder added.
    const builds = await readdir(join(dir, 'builds'));
    expect(await buildRoleBundles(dir, undefined, only)).toEqual([]);
    expect(await readdir(join(dir, 'builds'))).toEqual(builds);
    for (const role of only) expect(pointerText(dir, role.name)).toBe(before[role.name]);

    expect(builds).toHaveLength(1);
    for (const role of only) {
      const { bundle, files } = pointerOf(dir, role.name);
      expect(bundle).toBe(join(dir, 'builds', builds[0]!, role.name, `${role.name}.mjs`));
      expect((await stat(bundle)).size).toBeGreaterThan(10_000);
      expect(files[role.entry]).toBeDefined(); // its fingerprint covers its own files...
      expect(Object.keys(files).some((f) => f.startsWith('node_modules/'))).toBe(true); // ...and the packages it inlines
      // The build folder stands for the repository root: the repository's .cache is linked in.
      expect(readlinkSync(join(bundle, '..', '.cache'))).toBe(join(repoRoot, '.cache'));
    }

    const env = { [roleBundlesVariable]: dir };
    expect(roleBundleFor(join(repoRoot, 'services/query/src/projector-main.ts'), env)).toBe(pointerOf(dir, 'query-projector').bundle);
    // The relays over other databases share the relay's entry, so its bundle.
    expect(roleBundleFor(join(repoRoot, roleNamed('query-relay').entry), env)).toBe(pointerOf(dir, 'relay').bundle);
    expect(roleBundleFor(join(repoRoot, 'services/relay/src/main.ts'), { [roleBundlesVariable]: '' })).toBeUndefined();
    expect(roleBundleFor(join(repoRoot, 'services/relay/src/main.ts'), {})).toBeUndefined();
    expect(roleBundleFor(join(repoRoot, 'tools/src/system/test/fake-role.ts'), env)).toBeUndefined(); // no role's entry
    // A role of the system whose bundle the folder lacks is an error, not a silent run of its sources.
    expect(() => roleBundleFor(join(repoRoot, roleNamed('notifier').entry), env)).toThrow(/no bundle for notifier/);
  });
});

describe('role bundles of roles whose files change', () => {
  let src: string;
  let dir: string;
  let roleA: Role;
  let roleB: Role;
  // a.ts and b.ts each import a file of their own and one they share.
  const write = async (file: string, text: string, mtime = hourAgo()) => {
    await writeFile(join(src, file), text);
    // Older than a second: a file written just before a build counts as maybe changed during it (see below).
    await utimes(join(src, file), mtime, mtime);
  };

  beforeEach(async () => {
    src = await temporaryDir('role-bundles-src-');
    dir = await temporaryDir('role-bundles-');
    await write('shared.ts', "export const shared = 'shared 1';\n");
    await write('a-only.ts', "export const a = 'a 1';\n");
    await write('b-only.ts', "export const b = 'b 1';\n");
    await write('a.ts', "import { a } from './a-only.js';\nimport { shared } from './shared.js';\nconsole.log(a, shared);\n");
    await write('b.ts', "import { b } from './b-only.js';\nimport { shared } from './shared.js';\nconsole.log(b, shared);\n");
    roleA = { name: 'fake-a', entry: relative(repoRoot, join(src, 'a.ts')), image: 'fake' };
    roleB = { name: 'fake-b', entry: relative(repoRoot, join(src, 'b.ts')), image: 'fake' };
    expect((await buildRoleBundles(dir, undefined, [roleA, roleB])).sort()).toEqual(['fake-a', 'fake-b']);
  });

  const build = () => buildRoleBundles(dir, undefined, [roleA, roleB]);
  const bundleText = (name: string) => readFileSync(pointerOf(dir, name).bundle, 'utf8');

  it('rebuilds only the role whose own file changed; a change to a file both import rebuilds both', async () => {
    const b = pointerText(dir, 'fake-b');
    await write('a-only.ts', "export const a = 'a 2';\n");
    expect(await build()).toEqual(['fake-a']);
    expect(bundleText('fake-a')).toContain('a 2');
    expect(pointerText(dir, 'fake-b')).toBe(b);
    expect(await build()).toEqual([]);

    // The fingerprint is per file the bundle was built from, shared ones too.
    await write('shared.ts', "export const shared = 'shared 2';\n");
    expect((await build()).sort()).toEqual(['fake-a', 'fake-b']);
    expect(bundleText('fake-b')).toContain('shared 2');
  });

  it('rebuilds on the next run a role whose file changed while its bundle was being built', async () => {
    // Its mtime after the build started is what such a change leaves (which content esbuild read is unknown).
    await write('b-only.ts', "export const b = 'b 2';\n", new Date(Date.now() + 5_000));
    expect(await build()).toEqual(['fake-b']);
    expect(await build()).toEqual(['fake-b']); // was [] before: the bundle of the file as it was passed for current
    await write('b-only.ts', "export const b = 'b 2';\n");
    expect(await build()).toEqual(['fake-b']);
    expect(await build()).toEqual([]);
  });

  it('keeps the build a run read before a rebuild for a day after no pointer names it, whatever its age; then removes it', async () => {
    // A run started a system from the current builds, built two days ago (their files unchanged since).
    const first = buildOf(pointerOf(dir, 'fake-a').bundle);
    await utimes(first, daysAgo(2), daysAgo(2));
    const inUse = pointerOf(dir, 'fake-a').bundle;
    // Another run rebuilds both: no pointer names the first build any more.
    await write('shared.ts', "export const shared = 'shared 2';\n");
    expect((await build()).sort()).toEqual(['fake-a', 'fake-b']);
    const second = buildOf(pointerOf(dir, 'fake-a').bundle);
    expect(second).not.toBe(first);
    expect(existsSync(inUse)).toBe(true); // was removed at once: its age counted from when it was built
    // A build another run is writing (no pointer names it yet) is kept too.
    const writing = join(dir, 'builds', `${Date.now()}-1`);
    await mkdir(writing);

    // A day after, the first is removed at the next build; the current ones stay whatever their age.
    await utimes(first, daysAgo(1.1), daysAgo(1.1));
    await utimes(second, daysAgo(3), daysAgo(3));
    await write('a-only.ts', "export const a = 'a 2';\n");
    expect(await build()).toEqual(['fake-a']);
    expect(existsSync(first)).toBe(false);
    expect(existsSync(pointerOf(dir, 'fake-b').bundle)).toBe(true); // still named by fake-b's pointer
    expect(buildOf(pointerOf(dir, 'fake-b').bundle)).toBe(second);
    expect(existsSync(writing)).toBe(true);
  });
});
