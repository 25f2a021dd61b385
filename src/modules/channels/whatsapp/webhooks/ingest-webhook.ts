import { isIndexable, type BlindPurpose } from '../../../../platform/crypto';
import { unsafeListPhoneNumberIdsOfWaba, unsafeLoadChannelCredentials, type ChannelCredentials } from '../../channel-credentials';
import { webhookErrors } from '../../errors';
import { ENVELOPE_CONTEXT, type WebhookIngressDeps } from './deps';
import { customerIdsOf, entriesOf } from './envelope-shape';
import { signatureMatches } from './signature';

/**
 * Verifies a Meta webhook and stores it durably (encrypted) before the caller answers 200.
 * Each entry is accepted only when the signature verifies with the app secret of the channel that
 * entry names; entries of unknown numbers are dropped (logged by id). Malformed JSON is refused
 * (400) and not stored: without the entries no channel can be named, so no signature can be checked.
 * Content never refuses an envelope: customer ids with nothing to index ("abc", "+") are stored
 * inside the encrypted envelope but get no token (counted in a log line of ids and counts).
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

  // One lookup per distinct id, whatever the number of changes naming it.
  const credentials = memo((id: string) => unsafeLoadChannelCredentials(deps.channels, id));
  const wabaNumbers = memo((wabaId: string) => unsafeListPhoneNumberIdsOfWaba(deps.channels, wabaId));

  for (const entry of entries) {
    for (const change of entry.changes) {
      const phoneNumberId = typeof change.value.metadata?.phone_number_id === 'string' ? (change.value.metadata.phone_number_id as string) : undefined;
      if (phoneNumberId) {
        const creds = namesAChannel(phoneNumberId) ? await credentials(phoneNumberId) : undefined;
        if (!creds) deps.logger.warn({ phoneNumberId: safeForLog(phoneNumberId), field: safeForLog(change.field) }, 'webhook entry for an unknown phone number dropped');
        else if (verifies(creds)) accept(creds.workspaceId, phoneNumberId);
        continue;
      }
      // Account-level fields name the WABA only: accepted if a channel under it verifies.
      const ids = namesAChannel(entry.id) ? await wabaNumbers(entry.id) : [];
      if (!ids.length) deps.logger.warn({ wabaId: safeForLog(entry.id), field: safeForLog(change.field) }, 'webhook entry for an unknown WABA dropped');
      for (const id of ids) {
        const creds = await credentials(id);
        if (creds && verifies(creds)) accept(creds.workspaceId, `waba:${entry.id}`);
      }
    }
  }
  if (!accepted.size) throw webhookErrors.invalidSignature();

  const { waIds, bsuids } = customerIdsOf(entries);
  const { keyring } = deps.channels;
  const customerTokens: string[] = [];
  let unindexed = 0;
  const index = (purpose: BlindPurpose, values: Set<string>) => {
    for (const v of values) {
      if (isIndexable(purpose, v)) customerTokens.push(keyring.ingressToken(purpose, v));
      else unindexed += 1;
    }
  };
  index('wa_id', waIds);
  index('bsuid', bsuids);
  if (unindexed) deps.logger.warn({ workspaceIds: [...accepted.keys()], unindexed }, 'webhook customer ids with nothing to index stored without a token');
  await Promise.all(
    [...accepted].map(([workspaceId, keys]) =>
      deps.committer.add({ workspaceId, body: keyring.encryptIngress(raw, ENVELOPE_CONTEXT(workspaceId)), accepted: [...keys], customerTokens }),
    ),
  );
  deps.onStored();
  return { stored: accepted.size };
}

// Channel ids are Meta's digits; a value that cannot be one (NUL, markup, a kilobyte of text) is
// not looked up: it names no channel, and some bytes (NUL) are not even valid SQL text.
const CHANNEL_ID = /^[0-9A-Za-z._:-]{1,64}$/;
const namesAChannel = (id: string) => CHANNEL_ID.test(id);
// Unknown ids are logged to find misrouted numbers; anything else would put content in the log.
const safeForLog = (id: string) => (namesAChannel(id) ? id : '(not an id)');

function memo<T>(load: (key: string) => Promise<T>): (key: string) => Promise<T> {
  const seen = new Map<string, Promise<T>>();
  return (key) => {
    let p = seen.get(key);
    if (!p) seen.set(key, (p = load(key)));
    return p;
  };
}
