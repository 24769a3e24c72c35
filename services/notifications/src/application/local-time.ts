// Wall-clock arithmetic in an IANA time zone with Intl only (no dependency): what the scheduler needs until the
// domain's next-fire functions cover prompts and weekly reflections too.

const formats = new Map<string, Intl.DateTimeFormat>();

function formatIn(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
    });
    formats.set(timeZone, format);
  }
  return format;
}

/** The local date ("YYYY-MM-DD") and time ("HH:MM") of an instant in a time zone (UTC when the zone is unknown). */
export function localParts(at: Date, timeZone: string): { date: string; time: string; seconds: number } {
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = formatIn(timeZone).formatToParts(at);
  } catch {
    parts = formatIn('UTC').formatToParts(at);
  }
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '00';
  return { date: `${part('year')}-${part('month')}-${part('day')}`, time: `${part('hour')}:${part('minute')}`, seconds: Number(part('second')) };
}

function offsetMs(at: Date, timeZone: string): number {
  const { date, time, seconds } = localParts(at, timeZone);
  const asUtc = Date.parse(`${date}T${time}:${String(seconds).padStart(2, '0')}Z`);
  return asUtc - Math.floor(at.getTime() / 1000) * 1000;
}

/** The instant of a local date and time in a time zone (a time skipped by DST moves forward by the gap). */
export function instantOf(date: string, time: string, timeZone: string): Date {
  const wall = Date.parse(`${date}T${time}:00Z`);
  let guess = wall - offsetMs(new Date(wall), timeZone);
  guess = wall - offsetMs(new Date(guess), timeZone);
  return new Date(guess);
}

/** `date` plus `days` calendar days ("YYYY-MM-DD"). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Whether a local "HH:MM" lies in [start, end), a range that may wrap midnight. */
export function withinLocalRange(time: string, start: string, end: string): boolean {
  if (start === end) return false;
  return start < end ? time >= start && time < end : time >= start || time < end;
}
