import type { CreateJournalRequest, DeleteJournalRequest, UpdateJournalRequest } from '@mindflow/proto';
import type { Logger } from '@mindflow/platform';
import { changeJournal } from '../../application/journals/change-journal.js';
import { createJournal } from '../../application/journals/create-journal.js';
import type { CommandEnvironment } from '../../application/command-environment.js';
import { badInput, isDomainError } from '../../domain/shared/domain-error.js';
import { deleteResult, journalResult } from './messages.js';
import { clearedFields, optionalVersion, requiredId, requiredVersion, setOrCleared } from './request-fields.js';
import { unary } from './unary.js';

export function journalRpcs(environment: CommandEnvironment, log: Logger) {
  return {
    CreateJournal: unary('CreateJournal', log, async (request: CreateJournalRequest, caller) => {
      const input = request.input;
      if (!input) return badInput('input', 'input is required');
      const written = await createJournal(environment, caller, input);
      return isDomainError(written) ? written : journalResult(written);
    }),

    UpdateJournal: unary('UpdateJournal', log, async (request: UpdateJournalRequest, caller) => {
      const journalId = requiredId('id', request.id);
      if (isDomainError(journalId)) return journalId;
      const expectedVersion = requiredVersion(request.expectedVersion);
      if (isDomainError(expectedVersion)) return expectedVersion;
      const input = request.input;
      if (!input) return badInput('input', 'input is required');
      const cleared = clearedFields(input.clearedFields ?? [], ['description', 'color', 'icon'] as const, (f) => input[f] !== undefined);
      if (isDomainError(cleared)) return cleared;
      const written = await changeJournal(environment, caller, {
        type: 'UpdateJournal',
        data: {
          journalId,
          callerId: caller.userId,
          expectedVersion,
          name: input.name,
          description: setOrCleared(input.description, cleared.has('description')),
          color: setOrCleared(input.color, cleared.has('color')),
          icon: setOrCleared(input.icon, cleared.has('icon')),
          isPrivate: input.isPrivate,
        },
      });
      return isDomainError(written) ? written : journalResult(written);
    }),

    DeleteJournal: unary('DeleteJournal', log, async (request: DeleteJournalRequest, caller) => {
      const journalId = requiredId('id', request.id);
      if (isDomainError(journalId)) return journalId;
      const expectedVersion = optionalVersion(request.expectedVersion);
      if (isDomainError(expectedVersion)) return expectedVersion;
      const written = await changeJournal(environment, caller, {
        type: 'DeleteJournal',
        data: { journalId, callerId: caller.userId, expectedVersion },
      });
      if (isDomainError(written)) return written;
      const { journal, consistencyToken } = written;
      return deleteResult({ id: journal.id, version: journal.version, deletedAt: journal.deletedAt, consistencyToken });
    }),
  };
}
