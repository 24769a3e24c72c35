/**
 * Forgotten passwords: how long a reset link works, and how often one may be asked for. A link that works for half an
 * hour is long enough to open a mail and short enough that an old mail in a leaked inbox resets nothing. Per address
 * a few links an hour (more would only flood that inbox; beyond it no mail is sent, and the answer is the same); per
 * client more, then RATE_LIMITED (that says nothing about any account).
 */
export interface ResetPolicy {
  readonly tokenTtlMs: number;
  readonly perAddress: { readonly max: number; readonly windowMs: number };
  readonly perClient: { readonly max: number; readonly windowMs: number };
}

const hour = 60 * 60_000;

export const defaultResetPolicy: ResetPolicy = {
  tokenTtlMs: 30 * 60_000,
  perAddress: { max: 3, windowMs: hour },
  perClient: { max: 10, windowMs: hour },
};

/** What a presented token is worth at `now`: only an unused one within its lifetime resets a password. */
export function tokenUsable(token: { readonly expiresAt: Date; readonly usedAt: Date | null }, now: Date): boolean {
  return token.usedAt === null && token.expiresAt.getTime() > now.getTime();
}
