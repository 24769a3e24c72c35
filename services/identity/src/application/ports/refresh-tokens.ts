/** Opaque refresh tokens: made at random, stored only as a hash. */
export interface RefreshTokens {
  issue(): { token: string; hash: Buffer };
  hashOf(token: string): Buffer;
  /** Cheap shape check before any lookup: what `issue` makes, nothing else. */
  looksLike(value: string): boolean;
}
