import { Server, ServerCredentials } from '@grpc/grpc-js';
import { loadCommandService, type CommandServiceHandlers } from '@mindflow/proto';

export interface RunningGrpcServer {
  /** host:port actually bound (port 0 picks a free one). */
  readonly address: string;
  close(): Promise<void>;
}

/**
 * Serves CommandService on `address`. Plaintext: the service is reached only by the subgraphs inside the
 * cluster network (TLS or a mesh belongs to the deployment, not to this process).
 */
export async function serveCommandService(address: string, handlers: CommandServiceHandlers): Promise<RunningGrpcServer> {
  const server = new Server({ 'grpc.max_receive_message_length': 1024 * 1024 });
  server.addService(loadCommandService(), handlers);
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync(address, ServerCredentials.createInsecure(), (error, bound) => (error ? reject(error) : resolve(bound))),
  );
  const host = address.slice(0, address.lastIndexOf(':'));
  return {
    address: `${host}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        // In-flight calls get a few seconds to finish; then the rest are cut.
        const force = setTimeout(() => server.forceShutdown(), 5_000);
        server.tryShutdown(() => {
          clearTimeout(force);
          resolve();
        });
      }),
  };
}
