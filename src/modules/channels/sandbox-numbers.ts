import { withTenant } from '../../platform/db';
import { openChannelSecrets, type SandboxCustomer } from './channel-secrets';
import { findChannel, unsafeListSandboxChannels } from './channel.repository';
import type { ChannelDeps } from './deps';
import { channelErrors } from './errors';

/** What the in-process simulator needs to stand in for Meta for one sandbox number. */
export interface SandboxNumber {
  phoneNumberId: string;
  wabaId: string;
  displayPhoneNumber: string;
  accessToken: string;
  appSecret: string;
  verifyToken: string;
  webhookUrl: string;
  throughputMps: number;
  apiVersion: string;
  phoneKey: string;
  customers: SandboxCustomer[];
}

export async function loadSandboxNumber(deps: ChannelDeps, workspaceId: string, channelId: string): Promise<SandboxNumber | undefined> {
  return withTenant(deps.db, workspaceId, async (tx) => {
    const row = await findChannel(tx, workspaceId, channelId);
    if (!row?.sandbox) return undefined;
    const secrets = await openChannelSecrets(deps.keyring, tx, workspaceId, row.secrets);
    return {
      phoneNumberId: row.phone_number_id,
      wabaId: row.waba_id,
      displayPhoneNumber: row.display_phone_number,
      accessToken: secrets.accessToken,
      appSecret: secrets.appSecret,
      verifyToken: secrets.verifyToken,
      webhookUrl: `${deps.publicUrl}/webhooks/whatsapp`,
      throughputMps: row.throughput_mps,
      apiVersion: row.graph_api_version,
      phoneKey: secrets.phoneKey ?? '',
      customers: secrets.sandboxCustomers ?? [],
    };
  });
}

/** Every sandbox number, or those of one workspace. */
export async function listSandboxNumbers(deps: ChannelDeps, workspaceId?: string): Promise<SandboxNumber[]> {
  const rows = await unsafeListSandboxChannels(deps.db, workspaceId);
  const numbers = await Promise.all(rows.map((r) => loadSandboxNumber(deps, r.workspace_id, r.id)));
  return numbers.filter((n): n is SandboxNumber => n !== undefined);
}

/** The customer-phone page of a sandbox channel, with the key that opens it. */
export async function sandboxPhoneUrl(deps: ChannelDeps, workspaceId: string, channelId: string): Promise<string> {
  const number = await loadSandboxNumber(deps, workspaceId, channelId);
  if (!number) throw channelErrors.notSandbox();
  return `${deps.publicUrl}/sandbox/phone?phoneNumberId=${number.phoneNumberId}&key=${encodeURIComponent(number.phoneKey)}`;
}
