import { Server, ServerCredentials, type ServiceDefinition, type UntypedServiceImplementation } from '@grpc/grpc-js';

/** A grpc-js server on 127.0.0.1 with an ephemeral port, for tests (not exported by the package). */
export async function startLoopbackServer(
  definition: ServiceDefinition,
  implementation: UntypedServiceImplementation,
): Promise<{ address: string; stop: () => void }> {
  const server = new Server();
  server.addService(definition, implementation);
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync('127.0.0.1:0', ServerCredentials.createInsecure(), (error, bound) => (error ? reject(error) : resolve(bound))));
  // forceShutdown: a test may leave a call hanging on purpose; a graceful shutdown would wait for it.
  return { address: `127.0.0.1:${port}`, stop: () => server.forceShutdown() };
}
