// Every image's Dockerfile against the image rules, and the Node images against each other: one Node base
// for all, of the major version the repository runs (.nvmrc).
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseDockerfile } from '../dockerfile/dockerfile-parse.js';
import { dockerfileProblems } from '../dockerfile/dockerfile-rules.js';
import type { Problem } from '../report/problem.js';
import { images, roles } from '../roles/roles.js';

export async function checkDockerfiles(repoRoot: string): Promise<{ problems: Problem[]; checked: number; nodeImage?: string }> {
  const problems: Problem[] = [];
  const nodeMajor = (await readFile(join(repoRoot, '.nvmrc'), 'utf8')).trim().replace(/^v/, '').split('.')[0];
  const nodeImages = new Map<string, string>();
  let checked = 0;
  for (const image of images) {
    if (!existsSync(join(repoRoot, image.dockerfile))) {
      problems.push({ file: image.dockerfile, message: `missing: the ${image.name} image is built from it` });
      continue;
    }
    const parsed = parseDockerfile(await readFile(join(repoRoot, image.dockerfile), 'utf8'));
    checked++;
    problems.push(...dockerfileProblems(image.dockerfile, parsed, image, roles.filter((r) => r.image === image.name)));
    const node = parsed.globalArgs.get('NODE_IMAGE');
    if (!node) {
      problems.push({ file: image.dockerfile, message: 'no ARG NODE_IMAGE=node:<version> before the first FROM' });
      continue;
    }
    nodeImages.set(image.dockerfile, node);
    const major = node.match(/^node:(\d+)\./)?.[1];
    if (major !== nodeMajor) problems.push({ file: image.dockerfile, field: 'NODE_IMAGE', message: `${node} is not Node ${nodeMajor} (.nvmrc)` });
  }
  const distinct = new Set(nodeImages.values());
  if (distinct.size > 1) {
    for (const [file, node] of nodeImages) problems.push({ file, field: 'NODE_IMAGE', message: `${node}: the images disagree on the Node base (${[...distinct].join(', ')})` });
  }
  return { problems, checked, nodeImage: [...distinct][0] };
}
