import { DAYS, minutesOf, type BusinessHours, type DayKey } from './settings.schema';

interface LocalTime {
  /** YYYY-MM-DD in the business's time zone. */
  date: string;
  day: DayKey;
  minutes: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function localTime(at: Date, timeZone: string): LocalTime {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', weekday: 'short' });
    formatters.set(timeZone, f);
  }
  const p = Object.fromEntries(f.formatToParts(at).map((x) => [x.type, x.value]));
  return { date: `${p.year}-${p.month}-${p.day}`, day: p.weekday!.toLowerCase() as DayKey, minutes: Number(p.hour) * 60 + Number(p.minute) };
}

/** Whether the business is open at an instant (intervals include their opening minute, not their closing one). */
export function isOpenAt(hours: BusinessHours, at: Date): boolean {
  const local = localTime(at, hours.timezone);
  return hours.days[local.day].some((i) => minutesOf(i.open) <= local.minutes && local.minutes < minutesOf(i.close));
}

/**
 * Names the closed period an instant falls in by the closing it follows ("2026-11-24T17:00", local
 * wall time), so every message of one night or weekend shares it; "never-open" when the business
 * had no opening in the week before.
 */
export function closedPeriodOf(hours: BusinessHours, at: Date): string {
  const local = localTime(at, hours.timezone);
  const [y, m, d] = local.date.split('-').map(Number) as [number, number, number];
  for (let back = 0; back <= 7; back++) {
    const day = new Date(Date.UTC(y, m - 1, d - back));
    const closes = hours.days[DAYS[(day.getUTCDay() + 6) % 7]!].map((i) => minutesOf(i.close)).filter((c) => back > 0 || c <= local.minutes);
    if (closes.length) {
      const close = Math.max(...closes);
      const hhmm = `${String(Math.floor(close / 60)).padStart(2, '0')}:${String(close % 60).padStart(2, '0')}`;
      return `${day.toISOString().slice(0, 10)}T${hhmm}`;
    }
  }
  return 'never-open';
}
