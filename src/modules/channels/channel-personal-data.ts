import { sql } from 'kysely';
import type { PersonalDataPart } from '../privacy';
import type { ChannelDeps } from './deps';
import { eraseContactEnvelopes } from './erase-contact-envelopes';

/**
 * The channels module's part of a person's data: raw webhook envelopes that mention them, and
 * account-level events (history, message echoes, contact sync) whose sealed value names them, found
 * by the workspace tokens of every identity they had. Neither is exported: envelopes are a
 * processing queue whose content is in the messages, and an account event is the business's.
 */
export function channelDataPart(deps: Pick<ChannelDeps, 'keyring'>): PersonalDataPart {
  return {
    async erase(tx, workspaceId, subject) {
      const envelopes = await eraseContactEnvelopes(deps, tx, workspaceId, subject);
      const tokens = subject.identityTokens.filter((t) => t.kind === 'wa_id' || t.kind === 'bsuid').map((t) => t.token);
      const events = await sql`delete from channel_events where workspace_id = ${workspaceId} and customer_tokens && ${tokens}::text[]`.execute(tx);
      return { counts: { webhookEnvelopes: envelopes, channelEvents: Number(events.numAffectedRows ?? 0) } };
    },
  };
}
