/**
 * Why an identity request was refused, as a value the caller can act on. Mapped once, at the edge, to
 * GraphQL `extensions.code` (API.md). Login failures are deliberately vague: one message whether the
 * email is unknown or the password wrong, so nobody learns which accounts exist.
 */
export type IdentityError =
  | { readonly code: 'BAD_USER_INPUT'; readonly field: string; readonly message: string }
  | { readonly code: 'UNAUTHENTICATED'; readonly message: string }
  | { readonly code: 'RATE_LIMITED'; readonly retryAfterMs: number; readonly message: string };

export const badInput = (field: string, message: string): IdentityError => ({ code: 'BAD_USER_INPUT', field, message });
export const unauthenticated = (message: string): IdentityError => ({ code: 'UNAUTHENTICATED', message });
export const rateLimited = (retryAfterMs: number, message: string): IdentityError => ({ code: 'RATE_LIMITED', retryAfterMs, message });

/** The one answer to any failed login, whatever failed. */
export const invalidCredentials = (): IdentityError => unauthenticated('invalid email or password');

/** Tells a refusal from a result: results never carry a string `code`. */
export const isIdentityError = (value: unknown): value is IdentityError =>
  typeof value === 'object' && value !== null && typeof (value as { code?: unknown }).code === 'string';
