import { status, type ServiceError } from '@grpc/grpc-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createCommandClient,
  fromServiceError,
  loadCommandService,
  readCallContext,
  toServiceError,
  type CommandClient,
  type CommandServiceHandlers,
  type Journal,
} from './index.js';
import { startLoopbackServer } from './testing/loopback-server.js';

// A real grpc-js server on loopback with a tiny CommandService, called through the typed promise client.
const journal: Journal = {
  id: '5b8c0c8e-2a43-4a53-9d55-2b6c1f0a7e11',
  name: 'Morning pages',
  color: '#ffaa00',
  isPrivate: true,
  version: 1,
  createdAt: '2025-01-02T03:04:05.000Z',
  updatedAt: '2025-01-02T03:04:05.000Z',
};

const handlers: Partial<CommandServiceHandlers> = {
  CreateJournal(call, callback) {
    const { userId, correlationId } = readCallContext(call.metadata);
    if (!userId) return callback(toServiceError({ code: 'UNAUTHENTICATED', message: 'x-user-id missing' }));
    if (!call.request.input?.name) {
      return callback(toServiceError({ code: 'BAD_USER_INPUT', message: 'A journal needs a name', field: 'name' }));
    }
    const { name, color, isPrivate } = call.request.input;
    callback(null, {
      journal: { ...journal, name, color, isPrivate: isPrivate ?? false },
      consistencyToken: `${userId}|${correlationId}`,
    });
  },
  UpdateJournal(call, callback) {
    callback(toServiceError({ code: 'CONFLICT', message: 'The journal changed', currentVersion: call.request.expectedVersion + 2 }));
  },
  DeleteJournal() {
    // never answers: the client's deadline has to end the call
  },
};

let stop: () => void;
let client: CommandClient;

beforeAll(async () => {
  // The other rpcs answer UNIMPLEMENTED, which grpc-js does for any handler left out.
  const server = await startLoopbackServer(loadCommandService(), handlers as CommandServiceHandlers);
  stop = server.stop;
  client = createCommandClient(server.address, { defaultTimeoutMs: 2_000 });
});

afterAll(() => {
  client?.close();
  stop?.();
});

async function failureOf(call: Promise<unknown>): Promise<ServiceError> {
  try {
    await call;
  } catch (error) {
    return error as ServiceError;
  }
  throw new Error('expected the call to fail');
}

describe('CommandService over a real grpc-js channel', () => {
  it('round-trips CreateJournal with caller metadata, leaving unset optional fields undefined', async () => {
    const result = await client.createJournal(
      { input: { name: 'Morning pages', color: '#ffaa00', isPrivate: true } },
      { userId: 'user-1', correlationId: 'corr-1' },
    );
    expect(result.consistencyToken).toBe('user-1|corr-1');
    expect(result.journal).toMatchObject({ ...journal });
    expect(result.journal?.description).toBeUndefined();
    expect(result.journal?.icon).toBeUndefined();
  });

  it('maps a field error back to BAD_USER_INPUT with its field', async () => {
    const error = await failureOf(client.createJournal({ input: { name: '' } }, { userId: 'user-1' }));
    expect(error.code).toBe(status.INVALID_ARGUMENT);
    expect(fromServiceError(error)).toEqual({ code: 'BAD_USER_INPUT', message: 'A journal needs a name', field: 'name' });
  });

  it('maps a stale expectedVersion to CONFLICT with the current version', async () => {
    const error = await failureOf(
      client.updateJournal({ id: journal.id, expectedVersion: 1, input: { name: 'x' } }, { userId: 'user-1' }));
    expect(error.code).toBe(status.ABORTED);
    expect(fromServiceError(error)).toEqual({ code: 'CONFLICT', message: 'The journal changed', currentVersion: 3 });
  });

  it('ends a call at its deadline with TIMEOUT', async () => {
    const error = await failureOf(client.deleteJournal({ id: journal.id }, { userId: 'user-1' }, { timeoutMs: 50 }));
    expect(error.code).toBe(status.DEADLINE_EXCEEDED);
    expect(fromServiceError(error).code).toBe('TIMEOUT');
  });

  it('cancels a call when its signal aborts', async () => {
    const controller = new AbortController();
    const call = client.deleteJournal({ id: journal.id }, { userId: 'user-1' }, { signal: controller.signal });
    controller.abort();
    expect((await failureOf(call)).code).toBe(status.CANCELLED);
  });

  it('answers UNIMPLEMENTED for an rpc the server does not implement', async () => {
    const error = await failureOf(client.completeTask({ id: 'x' }, { userId: 'user-1' }));
    expect(error.code).toBe(status.UNIMPLEMENTED);
    expect(fromServiceError(error)).toEqual({ code: 'INTERNAL_SERVER_ERROR', message: 'Internal error' });
  });
});
