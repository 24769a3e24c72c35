import type { EntryAnalyzer } from '../../application/entry-analyzer.js';
import { analyzeLocally, localAnalyzerName } from '../../domain/analysis/local-analyzer.js';

/** The embedded default and the fallback: the deterministic analyzer of `domain/`, in-process. */
export function createLocalEntryAnalyzer(): EntryAnalyzer {
  return {
    name: localAnalyzerName,
    // async so that a failure of the analysis reaches the caller as a rejection, as from the remote analyzer
    // eslint-disable-next-line @typescript-eslint/require-await
    analyze: async (entry) => analyzeLocally(entry),
  };
}
