import { badInput, type IdentityError } from '../identity-error.js';

// NIST SP 800-63B: a minimum length, a generous maximum, no composition rules, and a refusal of passwords
// that are known to be common or that repeat the account's own details.

export const passwordPolicy = { minLength: 10, maxLength: 128 } as const;

/** Among the most used passwords (that are long enough to pass the length rule); refused outright. */
const commonPasswords = new Set([
  '1234567890', '0123456789', '12345678910', '1234567891', '0987654321', 'qwertyuiop', 'asdfghjkl;', '1q2w3e4r5t',
  'password12', 'password123', 'password1234', 'passw0rd123', 'iloveyou123', 'qwerty1234', 'qwerty12345', 'abcdefghij',
  'abc1234567', 'letmein123', 'welcome123', 'football123', 'baseball123', 'sunshine123', 'princess123', 'monkey12345',
  'dragon1234', 'superman123', 'trustno1234', 'administrator', 'changeme123', 'qazwsxedcrfv', 'zaq12wsxcde',
]);

/**
 * Passwords are compared and hashed in Unicode NFKC form, so the same password typed on two keyboards
 * (composed or decomposed accents, full-width digits) is the same password.
 */
export function normalizePassword(password: string): string {
  return password.normalize('NFKC');
}

/** Null when `password` (normalized) is acceptable for this account, else why not. */
export function checkPassword(password: string, account: { email: string; name?: string | null }): IdentityError | null {
  const length = [...password].length;
  if (length < passwordPolicy.minLength) {
    return badInput('password', `password must be at least ${passwordPolicy.minLength} characters`);
  }
  if (length > passwordPolicy.maxLength) {
    return badInput('password', `password must be at most ${passwordPolicy.maxLength} characters`);
  }
  const lower = password.toLowerCase();
  if (new Set(lower).size < 4) return badInput('password', 'password must not be a few characters repeated');
  if (commonPasswords.has(lower)) return badInput('password', 'password is too common: choose another');
  const personal = [account.email.split('@')[0] ?? '', ...(account.name ? account.name.split(/\s+/) : []), 'mindflow']
    .map((word) => word.toLowerCase())
    .filter((word) => word.length >= 4);
  if (personal.some((word) => lower.includes(word))) {
    return badInput('password', 'password must not contain your email, your name or the name of this app');
  }
  return null;
}
