import { fileURLToPath } from 'node:url';

/** The folder the .proto imports are relative to: this package's root (works from src/ under tsx and tsc). */
export const protoRoot = fileURLToPath(new URL('..', import.meta.url));

/** The entry files, relative to protoRoot; each imports the rest of its package. */
export const protoEntryFiles = {
  command: 'mindflow/command/v1/command.proto',
  identity: 'mindflow/identity/v1/identity.proto',
} as const;
