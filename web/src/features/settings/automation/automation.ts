// GET|PATCH /api/v1/settings and /api/v1/automations/keyword-replies, typed from the OpenAPI document.
import type { ApiItem, ApiResponse } from '../../../app/apiSchema';

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

export type WorkspaceSettings = ApiResponse<'/api/v1/settings'>;
export type BusinessHours = WorkspaceSettings['businessHours'];
export type Interval = BusinessHours['days'][DayKey][number];
export type AutoMessage = WorkspaceSettings['welcomeMessage'];

export type KeywordReply = ApiItem<'/api/v1/automations/keyword-replies'>;
export type KeywordReplyList = ApiResponse<'/api/v1/automations/keyword-replies'>;

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
