import { Counter, type Registry } from 'prom-client';

/** What the analysis worker reports on /metrics. */
export interface InsightsMetrics {
  /** Settled analyses by who produced them (`claude`, `local`) and outcome (`generated`, `failed`). */
  readonly analyses: Counter<'analyzer' | 'outcome'>;
  /** Claude was chosen but failed, so the local analyzer answered; by reason (`rate-limited`, `circuit-open`, …). */
  readonly fallbacks: Counter<'reason'>;
  /** Premium authors whose daily Claude budget was spent (the local analyzer answered). */
  readonly budgetSpent: Counter;
}

export function insightsMetrics(registry: Registry): InsightsMetrics {
  const existing = <T>(name: string) => registry.getSingleMetric(name) as T | undefined;
  return {
    analyses:
      existing('mindflow_insights_analyses_total') ??
      new Counter({ name: 'mindflow_insights_analyses_total', help: 'Settled entry analyses', labelNames: ['analyzer', 'outcome'], registers: [registry] }),
    fallbacks:
      existing('mindflow_insights_claude_fallbacks_total') ??
      new Counter({ name: 'mindflow_insights_claude_fallbacks_total', help: 'Claude failures answered by the local analyzer', labelNames: ['reason'], registers: [registry] }),
    budgetSpent:
      existing('mindflow_insights_budget_spent_total') ??
      new Counter({ name: 'mindflow_insights_budget_spent_total', help: 'Premium analyses done locally because the daily Claude budget was spent', registers: [registry] }),
  };
}
