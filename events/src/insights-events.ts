import { z } from 'zod';
import { defineEvent } from './event-definition.js';
import { notPersonal, personal } from './privacy/personal.js';
import { insightsAggregateId, insightsSettingsAggregateId } from './insights-id.js';
import { Id, Instant } from './scalars.js';

// Aggregate: insights (aggregateId = insightsAggregateId(entryId), see insights-id.ts for why not the entry
// id itself). Emitted by the insights projector; its version sequence counts analyses of one entry. A user's
// insights setting is an aggregate of the same type (same topic) with its own id, insightsSettingsAggregateId(userId).

export const AIInsightsGeneratedPayload = z.object({
  entryId: Id,
  /** −1 (very negative) … 1 (very positive); meaningless (0) when `analysed` is false. */
  sentiment: z.number().min(-1).max(1),
  /**
   * False when the analyzer could not read the text (the local analyzer reads English only): then `sentiment` is
   * 0 only because it must be a number, and a consumer that averages sentiments leaves the entry out. Since V2;
   * V1 events are upcast (legacy/ai-insights-generated-v1.ts).
   */
  analysed: z.boolean(),
  themes: personal(z.array(z.string().min(1))),
  summary: personal(z.string()),
  suggestions: personal(z.array(z.string())),
  /** The model or analyzer that produced it, e.g. `claude-sonnet-4-5` or `local-analyzer@2`. */
  generatedBy: notPersonal(z.string().min(1), 'a model or analyzer name'),
  generatedAt: Instant,
  /** The entry's aggregateVersion that was analysed: a consumer ignores insights older than what it shows. */
  entryVersion: z.number().int().min(1),
});
export type AIInsightsGeneratedPayload = z.infer<typeof AIInsightsGeneratedPayload>;

/** Analysis gave up after `attempts` tries; the entry keeps its previous insights (or none). */
export const AIInsightsFailedPayload = z.object({
  entryId: Id,
  reason: notPersonal(z.string().min(1), 'why the analyzer gave up (ids and error kinds, never the text)'),
  attempts: z.number().int().min(1),
  entryVersion: z.number().int().min(1),
  failedAt: Instant,
});
export type AIInsightsFailedPayload = z.infer<typeof AIInsightsFailedPayload>;

/**
 * The user turned AI insights on or off (`setInsightsEnabled`). Emitted by the insights subgraph through the insights
 * outbox in the transaction that stores the setting; aggregate `insights`, id `insightsSettingsAggregateId(userId)`,
 * version +1 per change. Consumers that send a user's words to an AI model (the weekly reflection by Claude) honour
 * it; nothing heard means enabled, the insights default.
 */
export const InsightsSettingChangedPayload = z.object({
  userId: Id,
  enabled: z.boolean(),
  changedAt: Instant,
});
export type InsightsSettingChangedPayload = z.infer<typeof InsightsSettingChangedPayload>;

export const insightsEvents = {
  AIInsightsGenerated: defineEvent(AIInsightsGeneratedPayload, { schemaVersion: 2, aggregateIdOf: (p) => insightsAggregateId(p.entryId) }),
  AIInsightsFailed: defineEvent(AIInsightsFailedPayload, { aggregateIdOf: (p) => insightsAggregateId(p.entryId) }),
  InsightsSettingChanged: defineEvent(InsightsSettingChangedPayload, { aggregateIdOf: (p) => insightsSettingsAggregateId(p.userId) }),
};
