// What the wizard collects before it asks the server for a draft (POST /api/v1/campaigns).
export type AudienceMode = 'contacts' | 'tags' | 'import';

export type WizardState = {
  name: string;
  channelId: string;
  templateId: string;
  values: Record<string, string>;
  audience: { mode: AudienceMode; contactIds: string[]; tags: string[]; importId: string };
  schedule: { mode: 'now' | 'later'; at: string };
};

export const initialState: WizardState = {
  name: '',
  channelId: '',
  templateId: '',
  values: {},
  audience: { mode: 'contacts', contactIds: [], tags: [], importId: '' },
  schedule: { mode: 'now', at: '' },
};

export type { Contact } from '../../contacts/contact';

export function audienceBody(audience: WizardState['audience']): Record<string, unknown> {
  if (audience.mode === 'contacts') return { contactIds: audience.contactIds };
  if (audience.mode === 'tags') return { tags: audience.tags };
  return { importId: audience.importId.trim() };
}

/** A datetime-local value is the browser's local time; the API wants an instant. */
export const scheduledAtOf = (schedule: WizardState['schedule']): string | undefined => (schedule.mode === 'later' && schedule.at ? new Date(schedule.at).toISOString() : undefined);
