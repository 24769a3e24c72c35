/* eslint-disable @typescript-eslint/require-await, @typescript-eslint/only-throw-error --
   The handlers below stand in for async service handlers: they reject (including with plain { code, message }
   objects, the shape promiseHandlers maps to a gRPC status) exactly as real handlers do, which is what is under test. */
import { status, type ServiceError } from '@grpc/grpc-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createCommandClient,
  createIdentityClient,
  fromServiceError,
  loadCommandService,
  loadIdentityService,
  promiseHandlers,
  type CommandClient,
  type Entry,
  type IdentityClient,
} from './index.js';
import { startLoopbackServer } from './testing/loopback-server.js';

const entry: Entry = {
  id: 'e-1', journalId: 'j-1', content: 'Slept well.', tags: ['sleep'], wordCount: 2, version: 1,
  createdAt: '2025-01-02T03:04:05.000Z', updatedAt: '2025-01-02T03:04:05.000Z',
};

const unexpected: unknown[] = [];
let cancelled: Promise<void>;
let markCancelled: () => void;
let stops: (() => void)[] = [];
let commands: CommandClient;
let identity: IdentityClient;

beforeAll(async () => {
  cancelled = new Promise((resolve) => (markCancelled = resolve));
  const command = await startLoopbackServer(loadCommandService(), promiseHandlers(loadCommandService(), {
    async createEntry(request, call) {
      const { input } = request;
      if (!input) throw { code: 'BAD_USER_INPUT', message: 'input is required', field: 'input' };
      return {
        entry: { ...entry, journalId: input.journalId, content: input.content, mood: input.mood, tags: input.tags },
        consistencyToken: call.context.idempotencyKey ?? request.idempotencyKey ?? 'none',
      };
    },
    async updateEntry(request) {
      // Report what arrived: whether `tags` was sent (TagList presence) and which fields to clear.
      const tags = request.input?.tags;
      return {
        entry: { ...entry, tags: tags ? ['present', ...tags.values] : ['absent'], title: request.input?.clearedFields.join(',') },
        consistencyToken: 't',
      };
    },
    async deleteEntry() {
      throw new TypeError('bug in the handler');
    },
    async completeTask(_request, call) {
      call.signal.addEventListener('abort', () => markCancelled());
      return new Promise(() => {});
    },
  }, { onUnexpectedError: (error) => unexpected.push(error) }));
  const identityServer = await startLoopbackServer(loadIdentityService(), promiseHandlers(loadIdentityService(), {
    async getJwks() {
      return { keys: [{ kty: 'OKP', crv: 'Ed25519', x: 'abc', kid: 'k1', alg: 'EdDSA', use: 'sig' }] };
    },
    async me(_request, call) {
      if (!call.context.userId) throw { code: 'UNAUTHENTICATED', message: 'Sign in first' };
      return { id: call.context.userId, email: 'a@example.com', roles: ['user'], createdAt: '2025-01-01T00:00:00.000Z' };
    },
  }));
  stops = [command.stop, identityServer.stop];
  commands = createCommandClient(command.address);
  identity = createIdentityClient(identityServer.address);
});

afterAll(() => {
  commands?.close();
  identity?.close();
  for (const stop of stops) stop();
});

async function apiErrorOf(call: Promise<unknown>) {
  const error = await call.then(() => undefined, (e: ServiceError) => e);
  if (!error) throw new Error('expected the call to fail');
  return { status: error.code, apiError: fromServiceError(error) };
}

describe('promiseHandlers', () => {
  it('answers with what the async handler returns, enums and lists included', async () => {
    const result = await commands.createEntry(
      { input: { journalId: 'j-2', content: 'Ran 5k.', mood: 'GREAT', tags: ['run', 'health'] } },
      { userId: 'u-1', idempotencyKey: 'key-1' },
    );
    expect(result.entry).toMatchObject({ journalId: 'j-2', content: 'Ran 5k.', mood: 'GREAT', tags: ['run', 'health'] });
    expect(result.consistencyToken).toBe('key-1');
  });

  it('decodes an unset optional enum as undefined, not as its zero value', async () => {
    const result = await commands.createEntry({ input: { journalId: 'j-2', content: 'x' } }, { userId: 'u-1' });
    expect(result.entry?.mood).toBeUndefined();
    expect(result.entry?.title).toBeUndefined();
  });

  it('tells an absent tag list from an empty one, and passes cleared fields', async () => {
    const absent = await commands.updateEntry({ id: 'e-1', expectedVersion: 1, input: { clearedFields: ['mood', 'weather'] } });
    expect(absent.entry).toMatchObject({ tags: ['absent'], title: 'mood,weather' });
    const empty = await commands.updateEntry({ id: 'e-1', expectedVersion: 1, input: { tags: { values: [] } } });
    expect(empty.entry?.tags).toEqual(['present']);
  });

  it('answers a thrown ApiError with its status and trailers', async () => {
    expect(await apiErrorOf(commands.createEntry({}, { userId: 'u-1' }))).toEqual({
      status: status.INVALID_ARGUMENT,
      apiError: { code: 'BAD_USER_INPUT', message: 'input is required', field: 'input' },
    });
  });

  it('hides an unexpected error behind INTERNAL and reports it', async () => {
    expect(await apiErrorOf(commands.deleteEntry({ id: 'e-1' }))).toEqual({
      status: status.INTERNAL,
      apiError: { code: 'INTERNAL_SERVER_ERROR', message: 'Internal error' },
    });
    expect(unexpected).toEqual([new TypeError('bug in the handler')]);
  });

  it('answers UNIMPLEMENTED for a handler left out', async () => {
    expect((await apiErrorOf(commands.reopenTask({ id: 't-1' }))).status).toBe(status.UNIMPLEMENTED);
  });

  it('aborts the handler\'s signal when the client gives up', async () => {
    const outcome = await apiErrorOf(commands.completeTask({ id: 't-1' }, {}, { timeoutMs: 100 }));
    expect(outcome.apiError.code).toBe('TIMEOUT');
    await cancelled;
  });

  it('serves IdentityService through the same machinery', async () => {
    expect((await identity.getJwks({})).keys).toEqual([{ kty: 'OKP', crv: 'Ed25519', x: 'abc', kid: 'k1', alg: 'EdDSA', use: 'sig' }]);
    expect(await identity.me({}, { userId: 'u-9' })).toMatchObject({ id: 'u-9', roles: ['user'] });
    expect((await apiErrorOf(identity.me({}))).apiError.code).toBe('UNAUTHENTICATED');
  });
});
