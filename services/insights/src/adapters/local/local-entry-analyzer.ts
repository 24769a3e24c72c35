import type { EntryAnalyzer } from '../../application/entry-analyzer.js';
import { analyzeLocally, localAnalyzerName } from '../../domain/analysis/local-analyzer.js';

/** The embedded default and the fallback: the deterministic analyzer of `domain/`, in-process. */
export function createLocalEntryAnalyzer(): EntryAnalyzer {
  return {
    name: localAnalyzerName,
    analyze: async (entry) => analyzeLocally(entry),
  };
}
