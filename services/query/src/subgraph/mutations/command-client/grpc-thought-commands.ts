import type { CommandClient, Thought as WrittenThought } from '@mindflow/proto';
import type { ThoughtRecord } from '../../read-model/records.js';
import { callContext, commandCall, deleted, idempotencyField, optional, written } from './grpc-call.js';
import type { ThoughtCommands } from './thought-commands.js';

/** Thoughts over gRPC (command.proto `CaptureThought`, `UpdateThought`, `DeleteThought`). */
export function grpcThoughtCommands(client: CommandClient): ThoughtCommands {
  return {
    async captureThought(command, metadata) {
      const request = { text: command.text, tags: [...command.tags], ...idempotencyField(metadata) };
      const result = await commandCall(() => client.captureThought(request, callContext(metadata)));
      return written(result.thought, result.consistencyToken, (t) => thoughtRecord(t, metadata.userId));
    },

    async updateThought(id, expectedVersion, patch, metadata) {
      const tags = patch.tags === undefined ? {} : { tags: { values: [...patch.tags] } };
      const request = { id, expectedVersion, ...optional('text', patch.text), ...tags };
      const result = await commandCall(() => client.updateThought(request, callContext(metadata)));
      return written(result.thought, result.consistencyToken, (t) => thoughtRecord(t, metadata.userId));
    },

    async deleteThought(id, metadata) {
      return deleted(await commandCall(() => client.deleteThought({ id }, callContext(metadata))));
    },
  };
}

function thoughtRecord(thought: WrittenThought, ownerId: string): ThoughtRecord {
  return {
    id: thought.id,
    ownerId,
    text: thought.text,
    tags: thought.tags,
    version: thought.version,
    createdAt: new Date(thought.createdAt),
    updatedAt: new Date(thought.updatedAt),
  };
}
