import { join } from 'node:path';

/** The repository root, found from this file (libs/auth/src) rather than the working directory. */
export const repoRoot = join(import.meta.dirname, '..', '..', '..');
