import { join } from 'node:path';

/**
 * The repository root, found from this file (libs/platform/src) rather than the working directory. In a bundle
 * (deploy) it is the bundle's folder, which stands for the root. The one definition: import it, never compute it.
 */
export const repoRoot = join(import.meta.dirname, '..', '..', '..');
