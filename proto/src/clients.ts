import { credentials as grpcCredentials, type ChannelCredentials, type ChannelOptions, type Client } from '@grpc/grpc-js';
import type { CommandServiceClient, IdentityServiceClient } from './generated/message-types.js';
import { loadCommandPackage, loadIdentityPackage } from './load-services.js';
import { promiseMethods, type PromiseClient } from './promise-client.js';
import type { CommandServiceDefinition, IdentityServiceDefinition } from './generated/message-types.js';

export interface ClientOptions {
  /** Default: insecure (plain HTTP/2 inside the deployment). */
  credentials?: ChannelCredentials;
  /** Applied to every call that gives neither timeoutMs nor deadline. Default 10 s. */
  defaultTimeoutMs?: number;
  channelOptions?: ChannelOptions;
}

interface ClientLifecycle<Raw> {
  /** The generated callback-style client, for streaming or anything the promise methods do not cover. */
  readonly raw: Raw;
  /** Resolves once the channel is connected; rejects when it is not within timeoutMs. */
  waitForReady(timeoutMs: number): Promise<void>;
  close(): void;
}

export type CommandClient = PromiseClient<CommandServiceDefinition> & ClientLifecycle<CommandServiceClient>;
export type IdentityClient = PromiseClient<IdentityServiceDefinition> & ClientLifecycle<IdentityServiceClient>;

const defaultTimeoutMs = 10_000;

/** A CommandService client: `await client.createJournal({ input }, { userId, correlationId })`. */
export function createCommandClient(address: string, options: ClientOptions = {}): CommandClient {
  const Service = loadCommandPackage().mindflow.command.v1.CommandService;
  const raw = new Service(address, options.credentials ?? grpcCredentials.createInsecure(), options.channelOptions);
  return { ...promiseMethods(raw, Service.service, options.defaultTimeoutMs ?? defaultTimeoutMs), ...lifecycle(raw) };
}

export function createIdentityClient(address: string, options: ClientOptions = {}): IdentityClient {
  const Service = loadIdentityPackage().mindflow.identity.v1.IdentityService;
  const raw = new Service(address, options.credentials ?? grpcCredentials.createInsecure(), options.channelOptions);
  return { ...promiseMethods(raw, Service.service, options.defaultTimeoutMs ?? defaultTimeoutMs), ...lifecycle(raw) };
}

function lifecycle<Raw extends Client>(raw: Raw): ClientLifecycle<Raw> {
  return {
    raw,
    waitForReady: (timeoutMs) =>
      new Promise((resolve, reject) => raw.waitForReady(Date.now() + timeoutMs, (error) => (error ? reject(error) : resolve()))),
    close: () => raw.close(),
  };
}
