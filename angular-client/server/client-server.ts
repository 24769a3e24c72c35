import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { proxyHttp, proxyUpgrade } from './graphql-proxy.js';
import { serveStatic } from './static-files.js';

export interface ClientServerOptions {
  /** The built SPA (dist/angular-client/browser). */
  readonly root: string;
  /** The gateway's base URL, e.g. http://127.0.0.1:4000 */
  readonly gatewayUrl: string;
  readonly port: number;
  readonly host: string;
}

export interface ClientServer {
  readonly url: string;
  close(): Promise<void>;
}

function isGraphqlPath(url: string | undefined): boolean {
  const path = (url ?? '').split('?')[0];
  return path === '/graphql';
}

/**
 * The SPA's server in embedded mode (nginx plays this part in containers): static files, and `/graphql`
 * (HTTP and WebSocket) reverse-proxied to the gateway, so the app is same-origin: the refresh cookie
 * (`Path=/graphql`, SameSite=Strict) works and no CORS is involved.
 */
export async function startClientServer(options: ClientServerOptions): Promise<ClientServer> {
  const gateway = new URL(options.gatewayUrl);
  const server: Server = createServer((req, res) => {
    if (isGraphqlPath(req.url)) proxyHttp(gateway, req, res);
    else serveStatic(options.root, req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  server.on('upgrade', (req, socket, head) => {
    if (isGraphqlPath(req.url)) proxyUpgrade(gateway, req, socket, head);
    else socket.destroy();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host.includes(':') ? `[${options.host}]` : options.host}:${port}`,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
