import type { ApiError } from '../core/graphql-errors';

/**
 * What a form tells a person about its fields before and after a save: the server's limits checked as they type,
 * and a refusal the server sends (BAD_USER_INPUT naming a field) shown next to that field. Shared by the entry
 * editor and the planner's task and event forms; each form lists the fields it shows.
 */
export type FieldProblems<F extends string> = Partial<Record<F, string>>;

/** "A title can have at most 200 characters: this one has 201. Shorten it to save." */
export function tooLong(what: string, length: number, max: number): string | undefined {
  return length > max ? `${what} can have at most ${max.toLocaleString('en')} characters: this one has ${length.toLocaleString('en')}. Shorten it to save.` : undefined;
}

/** The server's refusal of a field this form shows, as that field's problem; nothing for any other error. */
export function refusedField<F extends string>(error: ApiError | null | undefined, fields: readonly F[]): FieldProblems<F> {
  if (error?.code !== 'BAD_USER_INPUT' || !error.field || !(fields as readonly string[]).includes(error.field)) return {};
  return { [error.field]: sentence(error.message) } as FieldProblems<F>;
}

/** An error that is not about a field of the form (or any other failure): shown under the form. */
export function generalError(error: ApiError | null | undefined, fields: readonly string[]): ApiError | null {
  return error && !(error.code === 'BAD_USER_INPUT' && error.field && fields.includes(error.field)) ? error : null;
}

/** The problems to show: the server's refusal for a field, unless the check as you type says more. */
export function fieldProblems<F extends string>(error: ApiError | null | undefined, fields: readonly F[], local: FieldProblems<F>): FieldProblems<F> {
  return { ...refusedField(error, fields), ...withoutUndefined(local) };
}

/** A server message ("title must be at most 200 characters") as a sentence. */
export function sentence(message: string): string {
  const text = message.charAt(0).toUpperCase() + message.slice(1);
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

function withoutUndefined<F extends string>(problems: FieldProblems<F>): FieldProblems<F> {
  return Object.fromEntries(Object.entries(problems).filter(([, v]) => v !== undefined)) as FieldProblems<F>;
}
