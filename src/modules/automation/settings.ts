import { withTenant, type TenantTx } from '../../platform/db';
import type { Actor } from '../privacy';
import type { AutomationDeps } from './deps';
import { findSettingsRow, saveSettingsRow } from './settings.repository';
import { DEFAULT_SETTINGS, settingsSchema, type SettingsPatch, type WorkspaceSettings } from './settings.schema';

/**
 * The workspace's settings: the stored keys over the defaults, so a workspace that never changed
 * anything (no row) and a key added in a later release both read as the default.
 */
export async function readSettings(tx: TenantTx, workspaceId: string, forUpdate = false): Promise<WorkspaceSettings> {
  const stored = await findSettingsRow(tx, workspaceId, forUpdate);
  if (!stored) return DEFAULT_SETTINGS;
  const merged: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const [key, value] of Object.entries(settingsSchema.shape)) {
    const parsed = value.safeParse(stored[key]);
    if (parsed.success) merged[key] = parsed.data;
  }
  return merged as WorkspaceSettings;
}

export function getSettings(deps: AutomationDeps, workspaceId: string): Promise<WorkspaceSettings> {
  return withTenant(deps.db, workspaceId, (tx) => readSettings(tx, workspaceId));
}

/** Replaces the given top-level keys; the change is audited with the names of the keys (texts stay out of the audit log). */
export async function updateSettings(deps: AutomationDeps, workspaceId: string, actor: Actor, patch: SettingsPatch): Promise<WorkspaceSettings> {
  return withTenant(deps.db, workspaceId, async (tx) => {
    const next = { ...(await readSettings(tx, workspaceId, true)), ...patch };
    const fields = Object.keys(patch);
    if (!fields.length) return next;
    await saveSettingsRow(tx, workspaceId, next, deps.clock.now());
    await deps.audit.record(tx, workspaceId, actor, { action: 'settings.update', target: { type: 'workspace', id: workspaceId }, details: { fields } });
    return next;
  });
}
