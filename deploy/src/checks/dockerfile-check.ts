// Every Dockerfile against the image rules — the one Node file (every Node image, by build arguments) and
// the client's — and roles.ts against the Node file: every role buildable from it, its Node base of the major
// version the repository runs (.nvmrc).
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseDockerfile } from '../dockerfile/dockerfile-parse.js';
import { dockerfileProblems, nodeImagesProblems } from '../dockerfile/dockerfile-rules.js';
import type { Problem } from '../report/problem.js';
import { images } from '../roles/roles.js';

export async function checkDockerfiles(repoRoot: string): Promise<{ problems: Problem[]; checked: number; nodeImage?: string }> {
  const problems: Problem[] = [];
  const nodeMajor = (await readFile(join(repoRoot, '.nvmrc'), 'utf8')).trim().replace(/^v/, '').split('.')[0];
  const nodeImages = new Map<string, string>();
  const files = new Map(images.map((image) => [image.dockerfile, image.runtime]));
  for (const [file, runtime] of files) {
    const users = images.filter((i) => i.dockerfile === file).map((i) => i.name).join(', ');
    if (!existsSync(join(repoRoot, file))) {
      problems.push({ file, message: `missing: the ${users} image(s) are built from it` });
      continue;
    }
    const parsed = parseDockerfile(await readFile(join(repoRoot, file), 'utf8'));
    problems.push(...dockerfileProblems(file, parsed, runtime));
    const node = parsed.globalArgs.get('NODE_IMAGE');
    if (!node) {
      problems.push({ file, message: 'no ARG NODE_IMAGE=node:<version> before the first FROM' });
      continue;
    }
    nodeImages.set(file, node);
    const major = node.match(/^node:(\d+)\./)?.[1];
    if (major !== nodeMajor) problems.push({ file, field: 'NODE_IMAGE', message: `${node} is not Node ${nodeMajor} (.nvmrc)` });
  }
  problems.push(...nodeImagesProblems(images.filter((i) => i.runtime === 'node')));
  const distinct = new Set(nodeImages.values());
  if (distinct.size > 1) {
    for (const [file, node] of nodeImages) problems.push({ file, field: 'NODE_IMAGE', message: `${node}: the images disagree on the Node base (${[...distinct].join(', ')})` });
  }
  return { problems, checked: files.size, nodeImage: [...distinct][0] };
}
