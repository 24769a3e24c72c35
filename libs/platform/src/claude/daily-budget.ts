/** The UTC day a use of the budget counts against, `YYYY-MM-DD`. */
export function budgetDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/** Whether one more Claude analysis fits in a user's daily budget (0 turns Claude off for everyone). */
export function withinDailyBudget(usedToday: number, dailyBudget: number): boolean {
  return usedToday < dailyBudget;
}
