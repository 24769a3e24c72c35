import { join } from 'node:path';
import { protoRoot } from '../src/proto-files.js';

/** Where the committed generated code lives, and the same path relative to the package (for messages). */
export const generatedRelative = 'src/generated';
export const generatedDir = join(protoRoot, generatedRelative);
