import { type ServerName, serverInfo } from './server-names.js';

/**
 * Thrown when a suite asks for a server that cannot be had. Integration suites fail with it rather than
 * skip: a green run must mean the code met the real server.
 */
export class MissingServerError extends Error {
  override readonly name = 'MissingServerError';

  constructor(
    readonly server: ServerName,
    problem: string,
  ) {
    const { label, envVar, example } = serverInfo[server];
    super(
      `${label} is not available for this test suite: ${problem}.\n` +
        `Provide it with \`npm run infra:up\` (or \`bash tools/infra/infra.sh up ${server}\`), ` +
        `or point the tests at one with ${envVar}=${example}.`,
    );
  }
}
