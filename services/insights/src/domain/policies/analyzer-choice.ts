import { withinDailyBudget } from '@mindflow/platform/claude';

export type AuthorPlan = 'free' | 'premium';

export interface AnalyzerChoiceInput {
  readonly plan: AuthorPlan;
  /** An API key is configured. */
  readonly claudeAvailable: boolean;
  readonly usedToday: number;
  readonly dailyBudget: number;
}

export type AnalyzerChoice = { readonly use: 'claude' } | { readonly use: 'local'; readonly why: 'free-plan' | 'no-api-key' | 'budget-spent' };

/** Claude is for premium authors with budget left when a key is configured; everyone else gets the local analyzer. */
export function chooseAnalyzer(input: AnalyzerChoiceInput): AnalyzerChoice {
  if (input.plan !== 'premium') return { use: 'local', why: 'free-plan' };
  if (!input.claudeAvailable) return { use: 'local', why: 'no-api-key' };
  if (!withinDailyBudget(input.usedToday, input.dailyBudget)) return { use: 'local', why: 'budget-spent' };
  return { use: 'claude' };
}
