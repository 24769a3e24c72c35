import { badInput, type IdentityError } from '../identity-error.js';

/** RFC 5321's limit on a forward path. */
export const maxEmailLength = 254;

// Deliberately loose: one "@", something on each side, a dot in the domain, no spaces. Whether the
// address really receives mail is for a confirmation email to find out, not for a regex.
const emailShape = /^[^\s@]+@[^\s@]+\.[^\s@.][^\s@]*$/;

/**
 * The key an account is found by: addresses are unique regardless of case (`Ada@Example.com` and
 * `ada@example.com` are one account), and surrounding spaces are never meant.
 */
export function emailKey(email: string): string {
  return email.trim().toLowerCase();
}

/** The address to store (trimmed, case kept for display), or why it cannot be one. */
export function checkEmail(raw: string): { email: string } | IdentityError {
  const email = raw.trim();
  if (email.length === 0) return badInput('email', 'email is required');
  if (email.length > maxEmailLength) return badInput('email', `email must be at most ${maxEmailLength} characters`);
  if (!emailShape.test(email)) return badInput('email', 'email must be an address like name@example.com');
  return { email };
}
