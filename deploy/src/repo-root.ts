import { join } from 'node:path';

/** The repository root, from this file (deploy/src) rather than the working directory. */
export const repoRoot = join(import.meta.dirname, '..', '..');
