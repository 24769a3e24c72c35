// Calendar days as `YYYY-MM-DD` strings in UTC: analytics group by the UTC day (CONVENTIONS.md).

const dayMs = 86_400_000;

export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * dayMs).toISOString().slice(0, 10);
}

/** The UTC day an instant falls on. */
export const utcDay = (instant: Date): string => instant.toISOString().slice(0, 10);

/** Every day from `first` to `last`, inclusive, oldest first. */
export function daysBetween(first: string, last: string): string[] {
  const days: string[] = [];
  for (let day = first; day <= last; day = addDays(day, 1)) days.push(day);
  return days;
}
