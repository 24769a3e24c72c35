import type { Analysis, EntryText } from '../domain/analysis/insights.js';

/** The port to whatever analyses an entry: Claude (`adapters/anthropic`) or the local analyzer (`adapters/local`). */
export interface EntryAnalyzer {
  /** What `generatedBy` says: the model name, or the local analyzer's name and version. */
  readonly name: string;
  analyze(entry: EntryText): Promise<Analysis>;
}

/** An analysis that gave up: `reason` is a short code fit for logs and `AIInsightsFailed` (never entry text). */
export class AnalysisFailedError extends Error {
  constructor(
    readonly reason: string,
    readonly attempts: number,
  ) {
    super(`analysis failed after ${attempts} attempt(s): ${reason}`);
    this.name = 'AnalysisFailedError';
  }
}
