// Generates the TypeScript types of the .proto files into a folder: proto-loader-gen-types output plus
// message-types.ts, the friendly names (see friendly-names.ts). Run with the package root as working
// directory so the "Original file" comments hold relative paths and the output is the same on every machine.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { protoLoaderOptions } from '../src/loader-options.js';
import { protoEntryFiles, protoRoot } from '../src/proto-files.js';
import { friendlyNamesSource } from './friendly-names.js';

const require = createRequire(import.meta.url);
const genTypesBin = require.resolve('@grpc/proto-loader/build/bin/proto-loader-gen-types.js');

/** The loader options as command-line flags, so generated types and runtime decoding cannot disagree. */
export function codegenFlags(): string[] {
  const o = protoLoaderOptions;
  return [
    ...(o.keepCase ? ['--keepCase'] : []),
    `--longs=${o.longs.name}`,
    `--enums=${o.enums.name}`,
    ...(o.defaults ? ['--defaults'] : []),
    ...(o.oneofs ? ['--oneofs'] : []),
    '--includeComments',
    '--grpcLib=@grpc/grpc-js',
    '--importFileExtension=.js',
  ];
}

export function generateInto(outDir: string): void {
  const files = Object.values(protoEntryFiles);
  execFileSync(process.execPath, [genTypesBin, ...codegenFlags(), '-I', '.', '-O', outDir, ...files], {
    cwd: protoRoot,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  writeFileSync(join(outDir, 'message-types.ts'), friendlyNamesSource(files));
}
