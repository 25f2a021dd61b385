import { sql } from 'kysely';
import type { DataSubject, PersonalDataPart } from '../privacy';
import type { DeliveryRow } from './tables';

// Events (the outbox outgoing webhooks are built from) that name the person, one of their
// conversations or one of their messages. Events carry ids only; deliveries build their payload
// from the event at each attempt, so deleting the event is deleting every payload not yet sent.
const eventsAbout = (workspaceId: string, s: DataSubject) =>
  sql`select id from events where workspace_id = ${workspaceId} and (data->>'contactId' = ${s.contactId}
    or data->>'conversationId' = any(${s.conversationIds}::text[]) or data->>'messageId' = any(${s.messageIds}::text[]))`;

/** The integrations module's part of a person's data: outgoing-webhook deliveries about them, and their events. */
export const deliveryDataPart: PersonalDataPart = {
  async describe(tx, workspaceId, subject) {
    const { rows } = await sql<{ id: string }>`select id from webhook_deliveries where workspace_id = ${workspaceId} and event_id in (${eventsAbout(workspaceId, subject)})`.execute(tx);
    subject.otherIds.push(...rows.map((r) => r.id));
  },
  async export(tx, workspaceId, subject) {
    const { rows } = await sql<DeliveryRow>`
      select * from webhook_deliveries where workspace_id = ${workspaceId} and event_id in (${eventsAbout(workspaceId, subject)}) order by created_at, id`.execute(tx);
    const webhookDeliveries = rows.map((d) => ({
      id: d.id, subscriptionId: d.subscription_id, eventId: String(d.event_id), eventType: d.event_type, status: d.status, attempts: d.attempts,
      lastStatusCode: d.last_status_code, createdAt: d.created_at.toISOString(), completedAt: d.completed_at ? d.completed_at.toISOString() : null,
    }));
    return { sections: { webhookDeliveries } };
  },
  async erase(tx, workspaceId, subject) {
    const deliveries = await sql`delete from webhook_deliveries where workspace_id = ${workspaceId} and event_id in (${eventsAbout(workspaceId, subject)})`.execute(tx);
    const events = await sql`delete from events where workspace_id = ${workspaceId} and id in (${eventsAbout(workspaceId, subject)})`.execute(tx);
    return { counts: { webhookDeliveries: Number(deliveries.numAffectedRows ?? 0), events: Number(events.numAffectedRows ?? 0) } };
  },
};
