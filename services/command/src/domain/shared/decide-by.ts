import type { CommandContext } from './command-context.js';
import type { Decision } from './domain-error.js';

/** One handler per command type: the compiler checks the table is complete and gives each handler its own command. */
export type DecisionTable<C extends { readonly type: string }, S, E> = {
  readonly [K in C['type']]: (command: Extract<C, { readonly type: K }>, state: S, context: CommandContext) => Decision<E>;
};

/** An aggregate's decide function, from its table of handlers. */
export function decideBy<C extends { readonly type: string }, S, E>(table: DecisionTable<C, S, E>) {
  return (command: C, state: S, context: CommandContext): Decision<E> => {
    const handle = table[command.type as C['type']] as ((command: C, state: S, context: CommandContext) => Decision<E>) | undefined;
    if (!handle) throw new Error(`unhandled command ${JSON.stringify(command)}`);
    return handle(command, state, context);
  };
}
