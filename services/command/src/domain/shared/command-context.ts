/** What a decision may depend on besides the command and the state: never read from the world inside. */
export interface CommandContext {
  /** The instant the command is handled, ISO-8601. */
  readonly now: string;
  /** Fresh identifiers, used in order (a create takes the first). */
  readonly ids: readonly string[];
}

/** The first fresh id of the context; a create without one is a wiring bug, not a user error. */
export function firstId(context: CommandContext): string {
  const id = context.ids[0];
  if (!id) throw new Error('the command context carries no fresh id');
  return id;
}
