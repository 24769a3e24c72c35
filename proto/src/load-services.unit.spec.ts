import { describe, expect, it } from 'vitest';
import type { ServiceDefinition } from '@grpc/grpc-js';
import type { MessageTypeDefinition, MethodDefinition } from '@grpc/proto-loader';
import { loadCommandService, loadIdentityService } from './index.js';

// The contract as API.md states it: one rpc per command mutation, with these request and result messages.
const commandRpcs = {
  CreateJournal: ['CreateJournalRequest', 'JournalResult'],
  UpdateJournal: ['UpdateJournalRequest', 'JournalResult'],
  DeleteJournal: ['DeleteJournalRequest', 'DeleteResult'],
  CreateEntry: ['CreateEntryRequest', 'EntryResult'],
  UpdateEntry: ['UpdateEntryRequest', 'EntryResult'],
  DeleteEntry: ['DeleteEntryRequest', 'DeleteResult'],
  CaptureThought: ['CaptureThoughtRequest', 'ThoughtResult'],
  UpdateThought: ['UpdateThoughtRequest', 'ThoughtResult'],
  DeleteThought: ['DeleteThoughtRequest', 'DeleteResult'],
  CreateTask: ['CreateTaskRequest', 'TaskResult'],
  UpdateTask: ['UpdateTaskRequest', 'TaskResult'],
  CompleteTask: ['CompleteTaskRequest', 'TaskResult'],
  ReopenTask: ['ReopenTaskRequest', 'TaskResult'],
  DeleteTask: ['DeleteTaskRequest', 'DeleteResult'],
  ScheduleEvent: ['ScheduleEventRequest', 'CalendarEventResult'],
  CancelEvent: ['CancelEventRequest', 'DeleteResult'],
};

const identityRpcs = {
  Register: ['RegisterRequest', 'AuthSession'],
  Login: ['LoginRequest', 'AuthSession'],
  Refresh: ['RefreshRequest', 'AuthSession'],
  Logout: ['LogoutRequest', 'LogoutResult'],
  LogoutEverywhere: ['LogoutEverywhereRequest', 'LogoutEverywhereResult'],
  Me: ['MeRequest', 'User'],
  GetUser: ['GetUserRequest', 'User'],
  GetJwks: ['GetJwksRequest', 'Jwks'],
};

const messageName = (type: MessageTypeDefinition<unknown, unknown>) => (type.type as { name: string }).name;

function shapeOf(definition: ServiceDefinition, servicePath: string) {
  return Object.fromEntries(Object.entries(definition).map(([rpc, untyped]) => {
    const method = untyped as unknown as MethodDefinition<unknown, unknown>;
    expect(method.path).toBe(`/${servicePath}/${rpc}`);
    expect(method.requestStream || method.responseStream).toBe(false);
    return [rpc, [messageName(method.requestType), messageName(method.responseType)]];
  }));
}

describe('service definitions', () => {
  it('CommandService has exactly one unary rpc per command mutation', () => {
    expect(shapeOf(loadCommandService(), 'mindflow.command.v1.CommandService')).toEqual(commandRpcs);
  });

  it('IdentityService has its rpcs', () => {
    expect(shapeOf(loadIdentityService(), 'mindflow.identity.v1.IdentityService')).toEqual(identityRpcs);
  });

  it('parses the .proto files once per process', () => {
    expect(loadCommandService()).toBe(loadCommandService());
  });
});
