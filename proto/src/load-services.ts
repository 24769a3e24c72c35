import { loadPackageDefinition } from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import type { ProtoGrpcType as CommandProto } from './generated/command.js';
import type { ProtoGrpcType as IdentityProto } from './generated/identity.js';
import type { CommandServiceDefinition, IdentityServiceDefinition } from './generated/message-types.js';
import { protoLoaderOptions } from './loader-options.js';
import { protoEntryFiles, protoRoot } from './proto-files.js';

// Parsed once per process: the definitions are immutable and parsing the .proto files takes milliseconds
// that every client and server would otherwise repeat.
let commandProto: CommandProto | undefined;
let identityProto: IdentityProto | undefined;

function load<T>(file: string): T {
  const definition = loadSync(file, { ...protoLoaderOptions, includeDirs: [protoRoot] });
  return loadPackageDefinition(definition) as unknown as T;
}

/** The typed grpc-js package of command.proto (the client constructor lives at `.mindflow.command.v1.CommandService`). */
export function loadCommandPackage(): CommandProto {
  commandProto ??= load<CommandProto>(protoEntryFiles.command);
  return commandProto;
}

export function loadIdentityPackage(): IdentityProto {
  identityProto ??= load<IdentityProto>(protoEntryFiles.identity);
  return identityProto;
}

/** The CommandService definition for `server.addService(loadCommandService(), handlers)`. */
export function loadCommandService(): CommandServiceDefinition {
  return loadCommandPackage().mindflow.command.v1.CommandService.service;
}

export function loadIdentityService(): IdentityServiceDefinition {
  return loadIdentityPackage().mindflow.identity.v1.IdentityService.service;
}
