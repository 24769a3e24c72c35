import type { QuotaLimits } from '../domain/storage-quota.js';

/** The limits and lifetimes the use cases work with (from the configuration, subgraph/config.ts). */
export interface MediaSettings {
  /** The largest file accepted (API.md: 20 MiB by default). */
  readonly maxUploadBytes: number;
  /** How long a signed PUT URL is good for. */
  readonly uploadUrlSeconds: number;
  /** An upload not attached within this is deleted (object and row) by the sweeper. */
  readonly uploadExpirySeconds: number;
  /** How long the signed GET URLs the read side hands out are good for. */
  readonly downloadUrlSeconds: number;
  readonly quota: QuotaLimits;
  /** How long attachFile waits for the media projector to learn a target the caller just created. */
  readonly targetWaitMs: number;
}

export interface MediaCaller {
  readonly userId: string;
  readonly roles: readonly string[];
}
