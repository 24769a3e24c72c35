import type { ApolloServerOptions, BaseContext } from '@apollo/server';
import type { Logger } from '@mindflow/platform';

type ApolloLogger = NonNullable<ApolloServerOptions<BaseContext>['logger']>;

/** Apollo Server's own log lines (start-up, shutdown, its warnings) go through the subgraph's pino logger. */
export function apolloLogger(log: Logger): ApolloLogger {
  const apollo = log.child({ component: 'apollo-server' });
  return {
    debug: (message: unknown) => apollo.debug(String(message)),
    info: (message: unknown) => apollo.info(String(message)),
    warn: (message: unknown) => apollo.warn(String(message)),
    error: (message: unknown) => apollo.error(String(message)),
  };
}
