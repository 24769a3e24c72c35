import { ClaudeCallFailedError, createClaudeCaller, defaultClaudeModel, type BreakerState, type ClaudeCallerOptions } from '@mindflow/platform/claude';
import { AnalysisFailedError, type EntryAnalyzer } from '../../application/entry-analyzer.js';
import type { Analysis, EntryText } from '../../domain/analysis/insights.js';
import { parseClaudeReply } from './claude-reply.js';
import { entryMessage, systemPrompt } from './prompt.js';

export { defaultClaudeModel };

export interface ClaudeAnalyzerOptions extends ClaudeCallerOptions {
  readonly maxTokens?: number;
}

export interface ClaudeEntryAnalyzer extends EntryAnalyzer {
  /** The breaker's state (metrics, tests). */
  breakerState(): BreakerState;
  inFlight(): number;
}

/**
 * Claude through the official SDK, behind `@mindflow/platform/claude`'s caller: its retries (exponential backoff
 * with jitter, honouring `retry-after`), circuit breaker and concurrency cap. Logs carry status codes and
 * reasons, never the entry or the reply.
 */
export function createClaudeEntryAnalyzer(options: ClaudeAnalyzerOptions): ClaudeEntryAnalyzer {
  const caller = createClaudeCaller({ ...options, log: options.log.child({ analyzer: options.model ?? defaultClaudeModel }) });

  async function analyze(entry: EntryText): Promise<Analysis> {
    try {
      return await caller.call(async (client, model) => {
        const message = await client.messages.create({
          model,
          max_tokens: options.maxTokens ?? 800,
          system: systemPrompt,
          messages: [{ role: 'user', content: entryMessage(entry) }],
        });
        const text = message.content.flatMap((block) => (block.type === 'text' ? [block.text] : [])).join('');
        return parseClaudeReply(text);
      });
    } catch (error) {
      if (error instanceof ClaudeCallFailedError) throw new AnalysisFailedError(error.reason, error.attempts);
      throw error;
    }
  }

  return { name: caller.model, analyze, breakerState: () => caller.breakerState(), inFlight: () => caller.inFlight() };
}
