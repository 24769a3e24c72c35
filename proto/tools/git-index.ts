import { execFileSync } from 'node:child_process';

/**
 * The files under `folder` as git's index holds them (what is committed or about to be), or undefined
 * when `cwd` is not inside a git work tree (e.g. an unpacked tarball).
 */
export function readIndexedFiles(cwd: string, folder: string): Map<string, string> | undefined {
  try {
    execFileSync('git', ['rev-parse', '--is-inside-work-tree'], { cwd, stdio: 'ignore' });
  } catch {
    return undefined;
  }
  const listing = execFileSync('git', ['ls-files', '--stage', '-z', '--', folder], { cwd, encoding: 'utf8' });
  const entries = listing.split('\0').filter(Boolean).map((line) => {
    const [meta, path] = line.split('\t') as [string, string];
    return { blob: meta.split(' ')[1]!, path: path.slice(folder.length + 1) };
  });
  const files = new Map<string, string>();
  if (entries.length === 0) return files;
  // One `git cat-file --batch` for every blob: "<sha> blob <size>\n<content>\n" per object.
  const output = execFileSync('git', ['cat-file', '--batch'], {
    cwd,
    input: entries.map((e) => e.blob).join('\n') + '\n',
    maxBuffer: 256 * 1024 * 1024,
  });
  let offset = 0;
  for (const { path } of entries) {
    const headerEnd = output.indexOf(0x0a, offset);
    const size = Number(output.subarray(offset, headerEnd).toString('utf8').split(' ')[2]);
    files.set(path, output.subarray(headerEnd + 1, headerEnd + 1 + size).toString('utf8'));
    offset = headerEnd + 1 + size + 1;
  }
  return files;
}
