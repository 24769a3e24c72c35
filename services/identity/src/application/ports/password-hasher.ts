export interface PasswordHasher {
  /** A PHC string (`$argon2id$v=19$m=…,t=…,p=…$salt$hash`) of a fresh random salt. */
  hash(password: string): Promise<string>;
  /** Whether `password` matches `stored`; false for anything that is not an argon2id PHC string. */
  verify(stored: string, password: string): Promise<boolean>;
  /** Spends the time of one `verify` and matches nothing: the answer for an unknown email, so timing tells nothing. */
  verifyNothing(password: string): Promise<void>;
  /** True when `stored` was made with another cost than the current one (rehash after the next good login). */
  needsRehash(stored: string): boolean;
}
