import type { CreateEntryRequest, DeleteEntryRequest, UpdateEntryRequest } from '@mindflow/proto';
import type { Logger } from '@mindflow/platform';
import { changeEntry } from '../../application/entries/change-entry.js';
import { createEntry } from '../../application/entries/create-entry.js';
import type { CommandEnvironment } from '../../application/command-environment.js';
import { badInput, isDomainError } from '../../domain/shared/domain-error.js';
import { deleteResult, entryResult } from './messages.js';
import { clearedFields, enumChoice, optionalVersion, requiredId, requiredVersion, setOrCleared } from './request-fields.js';
import { unary } from './unary.js';

export function entryRpcs(environment: CommandEnvironment, log: Logger) {
  return {
    CreateEntry: unary('CreateEntry', log, async (request: CreateEntryRequest, caller) => {
      const input = request.input;
      if (!input) return badInput('input', 'input is required');
      const journalId = requiredId('journalId', input.journalId);
      if (isDomainError(journalId)) return journalId;
      const mood = enumChoice('mood', input.mood, 'MOOD_UNSPECIFIED');
      if (isDomainError(mood)) return mood;
      // The request's own key (API.md `idempotencyKey`) wins over the transport-level metadata key.
      const idempotencyKey = request.idempotencyKey || caller.idempotencyKey;
      const written = await createEntry(environment, { ...caller, ...(idempotencyKey ? { idempotencyKey } : {}) }, {
        journalId,
        title: input.title,
        content: input.content ?? '',
        mood,
        tags: input.tags ?? [],
        weather: input.weather,
        location: input.location,
        createdAt: input.createdAt,
      });
      return isDomainError(written) ? written : entryResult(written);
    }),

    UpdateEntry: unary('UpdateEntry', log, async (request: UpdateEntryRequest, caller) => {
      const entryId = requiredId('id', request.id);
      if (isDomainError(entryId)) return entryId;
      const expectedVersion = requiredVersion(request.expectedVersion);
      if (isDomainError(expectedVersion)) return expectedVersion;
      const input = request.input;
      if (!input) return badInput('input', 'input is required');
      const journalId = input.journalId === undefined ? undefined : requiredId('journalId', input.journalId);
      if (isDomainError(journalId)) return journalId;
      const mood = enumChoice('mood', input.mood, 'MOOD_UNSPECIFIED');
      if (isDomainError(mood)) return mood;
      const clearable = ['title', 'mood', 'weather', 'location'] as const;
      const cleared = clearedFields(input.clearedFields ?? [], clearable, (f) => input[f] !== undefined);
      if (isDomainError(cleared)) return cleared;
      const written = await changeEntry(environment, caller, {
        type: 'UpdateEntry',
        data: {
          entryId,
          callerId: caller.userId,
          expectedVersion,
          ...(journalId ? { journalId } : {}),
          title: setOrCleared(input.title, cleared.has('title')),
          content: input.content,
          mood: setOrCleared(mood, cleared.has('mood')),
          tags: input.tags ? input.tags.values : undefined,
          weather: setOrCleared(input.weather, cleared.has('weather')),
          location: setOrCleared(input.location, cleared.has('location')),
          createdAt: input.createdAt,
        },
      });
      return isDomainError(written) ? written : entryResult(written);
    }),

    DeleteEntry: unary('DeleteEntry', log, async (request: DeleteEntryRequest, caller) => {
      const entryId = requiredId('id', request.id);
      if (isDomainError(entryId)) return entryId;
      const expectedVersion = optionalVersion(request.expectedVersion);
      if (isDomainError(expectedVersion)) return expectedVersion;
      const written = await changeEntry(environment, caller, { type: 'DeleteEntry', data: { entryId, callerId: caller.userId, expectedVersion } });
      if (isDomainError(written)) return written;
      const { entry, consistencyToken } = written;
      return deleteResult({ id: entry.id, version: entry.version, deletedAt: entry.deletedAt, consistencyToken });
    }),
  };
}
