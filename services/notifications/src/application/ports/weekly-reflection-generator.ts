/**
 * Generating the weekly reflection (WeeklyReflectionGenerated) when a `weekly:` row fires: not built yet. The
 * scheduler fires the WEEKLY_REFLECTION notification alone and, when a generator is given, asks it after the
 * notification committed (at least once: a crash between the two asks no more; generating is idempotent per week).
 */
export interface WeeklyReflectionGenerator {
  generate(request: { readonly userId: string; readonly occurrence: string; readonly firedAt: Date }): Promise<void>;
}
