import { toDate, zonedAt, zonedInstant, type NextFire } from './time-zone.js';

/** The local time the weekly reflection is announced on its weekday (README "Daily prompt and weekly reflection"). */
export const weeklyReflectionTime = '18:00';

/**
 * The next daily journal prompt strictly after `after`: `promptAt` ("HH:MM") local in `timeZone`, once per local
 * day (the occurrence is that day's date). On a spring-forward day a skipped time moves on by the gap; on a
 * fall-back day a repeated time fires at its first instance.
 */
export function nextJournalPrompt(promptAt: string, timeZone: string, after: Date): NextFire {
  const today = zonedAt(after, timeZone).toPlainDate();
  // Today's time is past at the latest by tomorrow's (a DST gap moves a time by an hour or two, never a day).
  let day = today;
  let fire = zonedInstant(day, promptAt, timeZone);
  if (fire.epochMilliseconds <= after.getTime()) {
    day = today.add({ days: 1 });
    fire = zonedInstant(day, promptAt, timeZone);
  }
  return { fireAt: toDate(fire), occurrence: day.toString() };
}

/**
 * The next weekly reflection strictly after `after`: on ISO weekday `isoWeekday` (1 = Monday … 7 = Sunday) at
 * `time` (18:00) local in `timeZone`; the occurrence is that local date.
 */
export function nextWeeklyReflection(isoWeekday: number, timeZone: string, after: Date, time = weeklyReflectionTime): NextFire {
  if (!Number.isInteger(isoWeekday) || isoWeekday < 1 || isoWeekday > 7) throw new RangeError(`not an ISO weekday: ${isoWeekday}`);
  const today = zonedAt(after, timeZone).toPlainDate();
  let day = today.add({ days: (isoWeekday - today.dayOfWeek + 7) % 7 });
  let fire = zonedInstant(day, time, timeZone);
  if (fire.epochMilliseconds <= after.getTime()) {
    day = day.add({ days: 7 });
    fire = zonedInstant(day, time, timeZone);
  }
  return { fireAt: toDate(fire), occurrence: day.toString() };
}
