/**
 * Wall-clock times in the user's time zone (the browser's, until the API says otherwise). The API's days are
 * `YYYY-MM-DD` and a task's due time is `HH:MM` on its day: both are read in this zone; events are instants.
 */
export function userTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

const formats = new Map<string, Intl.DateTimeFormat>();

function format(timeZone: string): Intl.DateTimeFormat {
  let f = formats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
    });
    formats.set(timeZone, f);
  }
  return f;
}

function parts(instant: Date, timeZone: string): Record<string, string> {
  return Object.fromEntries(format(timeZone).formatToParts(instant).map((p) => [p.type, p.value]));
}

/** The wall clock at `instant` in `timeZone`, as `YYYY-MM-DDTHH:MM` (sorts like the time it names). */
export function wallClock(instant: Date, timeZone: string): string {
  const p = parts(instant, timeZone);
  return `${p['year']}-${p['month']}-${p['day']}T${p['hour']}:${p['minute']}`;
}

/** Minutes `timeZone` is ahead of UTC at `instant`. */
function offsetMinutes(instant: Date, timeZone: string): number {
  const p = parts(instant, timeZone);
  const asUtc = Date.UTC(+p['year']!, +p['month']! - 1, +p['day']!, +p['hour']!, +p['minute']!, +p['second']!);
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

/** The instant a wall-clock `day` + `time` (`HH:MM`) names in `timeZone` (the later one in a repeated hour). */
export function zonedInstant(day: string, time: string, timeZone: string): Date {
  const asUtc = Date.parse(`${day}T${time}:00Z`);
  const first = offsetMinutes(new Date(asUtc), timeZone);
  const guess = asUtc - first * 60_000;
  const second = offsetMinutes(new Date(guess), timeZone);
  return new Date(second === first ? guess : asUtc - second * 60_000);
}

/** `HH:MM` of an instant in `timeZone`. */
export function timeOfDay(instant: string | Date, timeZone: string): string {
  return wallClock(new Date(instant), timeZone).slice(11);
}
