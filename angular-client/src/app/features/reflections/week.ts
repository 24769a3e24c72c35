/** The Monday (YYYY-MM-DD) of the local week that `now` is in: a weekly reflection's weekStart. */
export function weekStartOf(now: Date): string {
  const day = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  const back = (day.getDay() + 6) % 7; // Monday 0 … Sunday 6
  day.setDate(day.getDate() - back);
  return `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;
}

/** "Week of 30 Nov 2026". */
export function weekLabel(weekStart: string): string {
  const [y, m, d] = weekStart.split('-').map(Number);
  return `Week of ${new Date(y!, m! - 1, d!).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' })}`;
}
