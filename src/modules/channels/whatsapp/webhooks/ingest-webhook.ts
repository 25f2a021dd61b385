import { AppError } from '../../../../platform/http';
import { unsafeListPhoneNumberIdsOfWaba, unsafeLoadChannelCredentials, type ChannelCredentials } from '../../channel-credentials';
import { ENVELOPE_CONTEXT, type WebhookIngressDeps } from './deps';
import { customerIdsOf, entriesOf } from './envelope-shape';
import { signatureMatches } from './signature';

export const webhookErrors = {
  invalidJson: () => new AppError(400, 'invalid_json', 'The body is not JSON.'),
  invalidSignature: () => new AppError(401, 'invalid_signature', 'X-Hub-Signature-256 does not verify with the app secret of any channel the envelope names.'),
};

/**
 * Verifies a Meta webhook and stores it durably (encrypted) before the caller answers 200.
 * Each entry is accepted only when the signature verifies with the app secret of the channel that
 * entry names; entries of unknown numbers are dropped (logged by id). Malformed JSON is refused
 * (400) and not stored: without the entries no channel can be named, so no signature can be checked.
 */
export async function ingestWebhook(deps: WebhookIngressDeps, raw: Buffer, signature: string | undefined): Promise<{ stored: number }> {
  let envelope: unknown;
  try {
    envelope = JSON.parse(raw.toString('utf8'));
  } catch {
    throw webhookErrors.invalidJson();
  }
  const entries = entriesOf(envelope);
  const verdicts = new Map<string, boolean>();
  const verifies = (c: ChannelCredentials) => {
    let ok = verdicts.get(c.appSecret);
    if (ok === undefined) verdicts.set(c.appSecret, (ok = signatureMatches(raw, signature, c.appSecret)));
    return ok;
  };
  const accepted = new Map<string, Set<string>>();
  const accept = (workspaceId: string, key: string) => (accepted.get(workspaceId) ?? accepted.set(workspaceId, new Set()).get(workspaceId)!).add(key);

  for (const entry of entries) {
    for (const change of entry.changes) {
      const phoneNumberId = typeof change.value.metadata?.phone_number_id === 'string' ? (change.value.metadata.phone_number_id as string) : undefined;
      if (phoneNumberId) {
        const creds = await unsafeLoadChannelCredentials(deps.channels, phoneNumberId);
        if (!creds) deps.logger.warn({ phoneNumberId, field: change.field }, 'webhook entry for an unknown phone number dropped');
        else if (verifies(creds)) accept(creds.workspaceId, phoneNumberId);
        continue;
      }
      // Account-level fields name the WABA only: accepted if a channel under it verifies.
      const ids = await unsafeListPhoneNumberIdsOfWaba(deps.channels, entry.id);
      if (!ids.length) deps.logger.warn({ wabaId: entry.id, field: change.field }, 'webhook entry for an unknown WABA dropped');
      for (const id of ids) {
        const creds = await unsafeLoadChannelCredentials(deps.channels, id);
        if (creds && verifies(creds)) accept(creds.workspaceId, `waba:${entry.id}`);
      }
    }
  }
  if (!accepted.size) throw webhookErrors.invalidSignature();

  const { waIds, bsuids } = customerIdsOf(entries);
  const { keyring } = deps.channels;
  const customerTokens = [...[...waIds].map((v) => keyring.ingressToken('wa_id', v)), ...[...bsuids].map((v) => keyring.ingressToken('bsuid', v))];
  await Promise.all(
    [...accepted].map(([workspaceId, keys]) =>
      deps.committer.add({ workspaceId, body: keyring.encryptIngress(raw, ENVELOPE_CONTEXT(workspaceId)), accepted: [...keys], customerTokens }),
    ),
  );
  deps.onStored?.();
  return { stored: accepted.size };
}
