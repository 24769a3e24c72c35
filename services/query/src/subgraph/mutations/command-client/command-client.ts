import { createCommandClient } from '@mindflow/proto';
import type { Commands } from './command-port.js';
import { grpcCalendarCommands } from './grpc-calendar-commands.js';
import { grpcEntryCommands } from './grpc-entry-commands.js';
import { grpcJournalCommands } from './grpc-journal-commands.js';
import { grpcTaskCommands } from './grpc-task-commands.js';
import { grpcThoughtCommands } from './grpc-thought-commands.js';

/**
 * The command port over gRPC (@mindflow/proto). The connection is made lazily, so the subgraph starts
 * before the command service; failures leave as `CommandRejected` with the API's code.
 */
export function createGrpcCommands(address: string, timeoutMs = 10_000): Commands {
  const client = createCommandClient(address, { defaultTimeoutMs: timeoutMs });
  return {
    ...grpcJournalCommands(client),
    ...grpcEntryCommands(client),
    ...grpcThoughtCommands(client),
    ...grpcTaskCommands(client),
    ...grpcCalendarCommands(client),
    close: () => client.close(),
  };
}
