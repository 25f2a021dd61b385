// GET|PATCH /api/v1/settings and /api/v1/automations/keyword-replies, as agreed in the contracts.
export const DAYS = [
  ['mon', 'Monday'],
  ['tue', 'Tuesday'],
  ['wed', 'Wednesday'],
  ['thu', 'Thursday'],
  ['fri', 'Friday'],
  ['sat', 'Saturday'],
  ['sun', 'Sunday'],
] as const;
export type DayKey = (typeof DAYS)[number][0];

export type Interval = { open: string; close: string };
export type BusinessHours = { timezone: string; days: Record<DayKey, Interval[]> };
export type AutoMessage = { enabled: boolean; text: string };

export type WorkspaceSettings = {
  markReadOnOpen: boolean;
  agentsSeeOnlyAssigned: boolean;
  optOutConfirmation: AutoMessage;
  welcomeMessage: AutoMessage;
  awayMessage: AutoMessage;
  businessHours: BusinessHours;
};

export type KeywordReply = {
  id: string;
  keywords: string[];
  matchType: 'exact' | 'contains';
  replyText: string;
  enabled: boolean;
  createdAt: string;
  updatedAt: string;
};

export type KeywordReplyList = { data: KeywordReply[]; nextCursor: string | null };

/** "price, prices" → ["price", "prices"]: commas separate keywords, which may hold several words. */
export const parseKeywords = (value: string): string[] => [...new Set(value.split(',').map((k) => k.trim()).filter(Boolean))];

/** Top-level keys whose value changed: PATCH replaces each given key whole. */
export function changedKeys(before: WorkspaceSettings, after: WorkspaceSettings): Partial<WorkspaceSettings> {
  const patch: Partial<WorkspaceSettings> = {};
  for (const key of Object.keys(after) as (keyof WorkspaceSettings)[]) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) Object.assign(patch, { [key]: after[key] });
  }
  return patch;
}
