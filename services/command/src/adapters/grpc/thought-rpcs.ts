import type { CaptureThoughtRequest, DeleteThoughtRequest, UpdateThoughtRequest } from '@mindflow/proto';
import type { Logger } from '@mindflow/platform';
import type { CommandEnvironment } from '../../application/command-environment.js';
import { captureThought } from '../../application/thoughts/capture-thought.js';
import { changeThought } from '../../application/thoughts/change-thought.js';
import { isDomainError } from '../../domain/shared/domain-error.js';
import { deleteResult, thoughtResult } from './messages.js';
import { requestIdempotencyKey, requiredId, requiredVersion } from './request-fields.js';
import { unary } from './unary.js';

export function thoughtRpcs(environment: CommandEnvironment, log: Logger) {
  return {
    CaptureThought: unary('CaptureThought', log, async (request: CaptureThoughtRequest, caller) => {
      const written = await captureThought(environment, requestIdempotencyKey(caller, request.idempotencyKey), {
        text: request.text ?? '',
        tags: request.tags ?? [],
      });
      return isDomainError(written) ? written : thoughtResult(written);
    }),

    UpdateThought: unary('UpdateThought', log, async (request: UpdateThoughtRequest, caller) => {
      const thoughtId = requiredId('id', request.id);
      if (isDomainError(thoughtId)) return thoughtId;
      const expectedVersion = requiredVersion(request.expectedVersion);
      if (isDomainError(expectedVersion)) return expectedVersion;
      const written = await changeThought(environment, caller, {
        type: 'UpdateThought',
        data: {
          thoughtId,
          callerId: caller.userId,
          expectedVersion,
          ...(request.text !== undefined ? { text: request.text } : {}),
          ...(request.tags ? { tags: request.tags.values } : {}),
        },
      });
      return isDomainError(written) ? written : thoughtResult(written);
    }),

    DeleteThought: unary('DeleteThought', log, async (request: DeleteThoughtRequest, caller) => {
      const thoughtId = requiredId('id', request.id);
      if (isDomainError(thoughtId)) return thoughtId;
      const written = await changeThought(environment, caller, { type: 'DeleteThought', data: { thoughtId, callerId: caller.userId } });
      if (isDomainError(written)) return written;
      const { state, consistencyToken } = written;
      return deleteResult({ id: state.id, version: state.version, deletedAt: state.deletedAt, consistencyToken });
    }),
  };
}
