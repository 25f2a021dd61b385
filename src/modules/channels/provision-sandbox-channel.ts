import { randomBytes, randomInt } from 'node:crypto';
import { newId, withTenant } from '../../platform/db';
import { sealChannelSecrets, type SandboxCustomer } from './channel-secrets';
import { insertChannel } from './channel.repository';
import type { ChannelDeps } from './deps';
import { sha256Hex } from './hash';

export const SANDBOX_API_VERSION = 'v24.0';

const digits = (n: number) => Array.from({ length: n }, () => randomInt(10)).join('');

/** Simulated people to chat with: varied scripts, so the product is tried on real-world names. */
function sandboxCustomers(): SandboxCustomer[] {
  return [
    { waId: `1555${digits(7)}`, name: 'Kerry Fisher' },
    { waId: `971${digits(9)}`, name: 'ليلى حداد' },
    { waId: `5511${digits(9)}`, name: 'Sam 🌻 Rivera' },
  ];
}

/**
 * Connects a sandbox number to a new workspace: ids unique to it, a random token and app secret,
 * webhooks to our own endpoint. The in-process simulator learns it from this row; no URL is
 * stored, so the channel follows the process wherever it is served.
 */
export async function provisionSandboxChannel(deps: ChannelDeps, workspaceId: string): Promise<string> {
  const id = newId();
  const phoneNumberId = `1${digits(14)}`;
  const verifyToken = randomBytes(16).toString('base64url');
  await withTenant(deps.db, workspaceId, async (tx) => {
    const secrets = {
      accessToken: `SANDBOX${randomBytes(24).toString('base64url')}`,
      appSecret: randomBytes(16).toString('hex'),
      verifyToken,
      phoneKey: randomBytes(16).toString('base64url'),
      sandboxCustomers: sandboxCustomers(),
    };
    await insertChannel(tx, {
      workspace_id: workspaceId,
      id,
      phone_number_id: phoneNumberId,
      waba_id: `2${digits(14)}`,
      display_phone_number: `1555${digits(7)}`,
      secrets: await sealChannelSecrets(deps.keyring, tx, workspaceId, id, secrets),
      // None stored: the sandbox's Graph API is the running process's simulator (graph-endpoint.ts).
      graph_api_base_url: null,
      graph_api_version: SANDBOX_API_VERSION,
      throughput_mps: 80,
      quality_rating: 'GREEN',
      messaging_limit: 'TIER_2K',
      sandbox: true,
    }, sha256Hex(verifyToken));
    await deps.audit.record(tx, workspaceId, { type: 'system', id: null }, { action: 'channel.sandbox_connected', target: { type: 'channel', id } });
  });
  return id;
}
