// The per-user storage quota by plan: what a user's attachments (their stored objects and thumbnails) and their
// pending uploads may take together.

export type Plan = 'free' | 'premium';

export interface QuotaLimits {
  readonly free: number;
  readonly premium: number;
}

/** The plan a caller's roles give (the gateway's signed caller: `premium` is the paid plan). */
export function planOf(roles: readonly string[]): Plan {
  return roles.includes('premium') ? 'premium' : 'free';
}

export interface QuotaCheck {
  readonly usedBytes: number;
  readonly addingBytes: number;
  readonly plan: Plan;
  readonly limits: QuotaLimits;
}

/** Null when it fits; otherwise the message the caller sees (how much is used, of how much). */
export function quotaRefusal({ usedBytes, addingBytes, plan, limits }: QuotaCheck): string | null {
  const limit = limits[plan];
  if (usedBytes + addingBytes <= limit) return null;
  return `storage quota exceeded: ${mib(usedBytes)} of the ${plan} plan's ${mib(limit)} are used and this file needs ${mib(addingBytes)}; remove attachments${plan === 'free' ? ' or upgrade to premium' : ''} to make room`;
}

function mib(bytes: number): string {
  return `${(bytes / 1_048_576).toFixed(1)} MiB`;
}
