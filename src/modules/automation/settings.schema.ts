import { z } from 'zod';

export const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type DayKey = (typeof DAYS)[number];

/** "HH:MM" from 00:00 to 23:59, and 24:00 as a closing time (open until midnight). */
const hhmm = z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'expected HH:MM (00:00–24:00)');
export const minutesOf = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));

const interval = z.object({ open: hhmm, close: hhmm }).refine((i) => minutesOf(i.open) < minutesOf(i.close), { message: 'open must be before close', path: ['close'] });

const dayIntervals = z.array(interval).max(8).refine((list) => {
  const sorted = [...list].sort((a, b) => minutesOf(a.open) - minutesOf(b.open));
  return sorted.every((x, i) => i === 0 || minutesOf(sorted[i - 1]!.close) <= minutesOf(x.open));
}, 'intervals of a day must not overlap');

export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

export const businessHoursSchema = z.object({
  timezone: z.string().min(1).max(64).refine(isTimeZone, 'not an IANA time zone (e.g. Europe/Madrid)'),
  days: z.object(Object.fromEntries(DAYS.map((d) => [d, dayIntervals])) as Record<DayKey, typeof dayIntervals>),
});
export type BusinessHours = z.infer<typeof businessHoursSchema>;

const replyText = z.object({ enabled: z.boolean(), text: z.string().max(4096) }).refine((r) => !r.enabled || r.text.trim().length > 0, { message: 'an enabled message needs a text', path: ['text'] });

export const settingsSchema = z.object({
  markReadOnOpen: z.boolean(),
  agentsSeeOnlyAssigned: z.boolean(),
  optOutConfirmation: replyText,
  welcomeMessage: replyText,
  awayMessage: replyText,
  businessHours: businessHoursSchema,
});
export type WorkspaceSettings = z.infer<typeof settingsSchema>;

/** Any subset of the top-level keys; each given key is replaced whole. */
export const settingsPatchSchema = settingsSchema.partial().strict();
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

const weekday = [{ open: '09:00', close: '17:00' }];

export const DEFAULT_SETTINGS: WorkspaceSettings = {
  markReadOnOpen: false,
  agentsSeeOnlyAssigned: false,
  optOutConfirmation: { enabled: true, text: "You're unsubscribed and won't receive marketing messages from us anymore. Reply START to subscribe again." },
  welcomeMessage: { enabled: false, text: '' },
  awayMessage: { enabled: false, text: '' },
  businessHours: { timezone: 'UTC', days: { mon: weekday, tue: weekday, wed: weekday, thu: weekday, fri: weekday, sat: [], sun: [] } },
};
