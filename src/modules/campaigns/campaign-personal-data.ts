import { sql } from 'kysely';
import type { PersonalDataPart } from '../privacy';

/** The campaigns module's part of a person's data: their receipts (audience membership, outcome, message). */
export const campaignDataPart: PersonalDataPart = {
  async export(tx, workspaceId, subject) {
    const { rows } = await sql<{ campaign_id: string; name: string | null; state: 'pending' | 'queued' | 'skipped'; skip_reason: string | null; message_id: string | null }>`
      select r.campaign_id, c.name, r.state, r.skip_reason, r.message_id from campaign_recipients r
      left join campaigns c on c.workspace_id = r.workspace_id and c.id = r.campaign_id
      where r.workspace_id = ${workspaceId} and r.contact_id = ${subject.contactId} order by r.campaign_id`.execute(tx);
    return { sections: { campaignReceipts: rows.map((r) => ({ campaignId: r.campaign_id, campaignName: r.name, state: r.state, skipReason: r.skip_reason, messageId: r.message_id })) } };
  },
  async erase(tx, workspaceId, subject) {
    const result = await sql`delete from campaign_recipients where workspace_id = ${workspaceId} and contact_id = ${subject.contactId}`.execute(tx);
    return { counts: { campaignReceipts: Number(result.numAffectedRows ?? 0) } };
  },
};
