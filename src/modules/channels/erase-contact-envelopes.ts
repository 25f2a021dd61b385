import { sql } from 'kysely';
import { isIndexable, type BlindPurpose } from '../../platform/crypto';
import type { TenantTx } from '../../platform/db';
import type { DataSubject } from '../privacy';
import type { ChannelDeps } from './deps';
import { ENVELOPE_CONTEXT } from './whatsapp/webhooks/deps';
import { customerIdsOf, entriesOf } from './whatsapp/webhooks/envelope-shape';

const PAGE = 500;
const indexed = (purpose: BlindPurpose, values: string[]) => values.filter((v) => isIndexable(purpose, v));

/**
 * Deletes the raw webhook envelopes that mention the person. Envelopes are indexed by ingress tokens
 * of the customer ids they hold, so the person's current wa_id and BSUID find theirs at once. An
 * identity whose plaintext is gone (a number they changed from) has only its workspace token left:
 * then the workspace's envelopes (kept 7 days once processed) are opened and their customer ids
 * compared with it. A pending envelope goes too: it may hold the person's messages.
 */
export async function eraseContactEnvelopes(deps: Pick<ChannelDeps, 'keyring'>, tx: TenantTx, workspaceId: string, subject: DataSubject): Promise<number> {
  const { keyring } = deps;
  const { waIds, bsuids } = subject.identifiers;
  const tokens = [...indexed('wa_id', waIds).map((v) => keyring.ingressToken('wa_id', v)), ...indexed('bsuid', bsuids).map((v) => keyring.ingressToken('bsuid', v))];
  const byToken = await sql`delete from webhook_envelopes where workspace_id = ${workspaceId} and customer_tokens && ${tokens}::text[]`.execute(tx);
  let erased = Number(byToken.numAffectedRows ?? 0);

  const known = new Set<string>();
  for (const v of indexed('wa_id', waIds)) known.add(`wa_id:${await keyring.blindToken(tx, workspaceId, 'wa_id', v)}`);
  for (const v of indexed('bsuid', bsuids)) known.add(`bsuid:${await keyring.blindToken(tx, workspaceId, 'bsuid', v)}`);
  const unknown = new Set(subject.identityTokens.filter((t) => (t.kind === 'wa_id' || t.kind === 'bsuid') && !known.has(`${t.kind}:${t.token}`)).map((t) => `${t.kind}:${t.token}`));
  if (!unknown.size) return erased;

  for (let after = -1; ; ) {
    const { rows } = await sql<{ id: string; body: Buffer }>`
      select id, body from webhook_envelopes where workspace_id = ${workspaceId} and id > ${after} order by id limit ${PAGE}`.execute(tx);
    if (!rows.length) return erased;
    const matching: string[] = [];
    for (const row of rows) {
      const ids = customerIdsOf(entriesOf(JSON.parse(keyring.decryptIngress(row.body, ENVELOPE_CONTEXT(workspaceId)).toString('utf8'))));
      const named = [
        ...(await Promise.all(indexed('wa_id', [...ids.waIds]).map(async (v) => `wa_id:${await keyring.blindToken(tx, workspaceId, 'wa_id', v)}`))),
        ...(await Promise.all(indexed('bsuid', [...ids.bsuids]).map(async (v) => `bsuid:${await keyring.blindToken(tx, workspaceId, 'bsuid', v)}`))),
      ];
      if (named.some((t) => unknown.has(t))) matching.push(row.id);
    }
    if (matching.length) erased += Number((await sql`delete from webhook_envelopes where workspace_id = ${workspaceId} and id = any(${matching}::bigint[])`.execute(tx)).numAffectedRows ?? 0);
    after = Number(rows[rows.length - 1]!.id);
  }
}
