import { join } from 'node:path';
import { systemClock, type Clock } from '../platform/clock';
import type { Config } from '../platform/config';
import { createKeyring, resolveMasterKey, type Keyring } from '../platform/crypto';
import { migrate, openDatabase, type Database } from '../platform/db';
import type { Logger } from '../platform/logging';
import type { AuthDeps } from '../modules/auth';
import { GraphTransport, GroupCommitter, provisionSandboxChannel, unsafeInsertEnvelopes, type ChannelDeps, type NewEnvelope, type WebhookIngressDeps } from '../modules/channels';
import type { ContactsDeps } from '../modules/contacts';
import { assignedOnlyEventFilter, localMediaStorage, type InboxDeps } from '../modules/inbox';
import { enqueueInboundAutomation, readSettings, type AutomationDeps } from '../modules/automation';
import { createAuditLog, type AuditLog } from '../modules/privacy';
import type { OutboundDeps } from '../modules/outbound';
import type { TemplatesDeps } from '../modules/templates';
import type { CampaignsDeps } from '../modules/campaigns';
import { createEnricherRegistry, defaultWebhookPolicy, type IntegrationDeps } from '../modules/integrations';
import { createEventHub, createVisibilityRegistry, type EventHub, type VisibilityRegistry } from '../modules/realtime';

/** The composition root: every long-lived dependency is built here, once, and passed down. */
export interface Container {
  config: Config;
  logger: Logger;
  clock: Clock;
  database: Database;
  keyring: Keyring;
  audit: AuditLog;
  auth: AuthDeps;
  channels: ChannelDeps;
  realtime: { hub: EventHub; visibility: VisibilityRegistry };
  integrations: IntegrationDeps;
  contacts: ContactsDeps;
  inbox: InboxDeps;
  webhooks: WebhookIngressDeps;
  outbound: OutboundDeps;
  templates: TemplatesDeps;
  campaigns: CampaignsDeps;
  automation: AutomationDeps;
  close(): Promise<void>;
}

export async function buildContainer(config: Config, logger: Logger, options: { clock?: Clock; database?: Database } = {}): Promise<Container> {
  const clock = options.clock ?? systemClock;
  const database = options.database ?? (await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: config.databasePoolSize, logger }));
  try {
    const applied = await migrate(database);
    if (applied.length) logger.info({ applied }, 'database migrated');
    const master = resolveMasterKey({ masterKey: config.masterKey, databaseUrl: config.databaseUrl, dataDir: config.dataDir });
    if (master.created) logger.warn({ path: master.path }, 'created a new master key for the embedded database; back it up: without it the encrypted data cannot be read');
    const keyring = await createKeyring({ db: database.db, masterKey: master.key, previousMasterKeys: config.previousMasterKeys.map((k) => Buffer.from(k, 'base64')) });
    const audit = createAuditLog({ key: keyring.systemKey('audit-chain'), clock });
    const auth: AuthDeps = { db: database.db, audit, clock, publicUrl: config.publicUrl, mode: config.whatsappMode, onWorkspaceCreated: [] };
    const transport = new GraphTransport({ policy: { allowPrivate: config.outboundAllowPrivateUrls } });
    // Sandbox channels reach this process's own simulator, at a URL built from PUBLIC_URL, never from a user.
    const sandboxTransport = new GraphTransport({ policy: { allowPrivate: true } });
    const channels: ChannelDeps = { db: database.db, keyring, audit, clock, publicUrl: config.publicUrl, mode: config.whatsappMode, transport, sandboxTransport };
    // Every workspace created in sandbox mode (sign-up or CLI) gets a connected sandbox number.
    if (config.whatsappMode === 'sandbox') auth.onWorkspaceCreated.push(async (workspaceId) => void (await provisionSandboxChannel(channels, workspaceId)));
    const realtime = { hub: createEventHub({ db: database.db, logger }), visibility: createVisibilityRegistry() };
    const integrations: IntegrationDeps = { db: database.db, keyring, audit, clock, logger, allowPrivateUrls: config.outboundAllowPrivateUrls, policy: { ...defaultWebhookPolicy }, enrichers: createEnricherRegistry() };
    const contacts: ContactsDeps = { db: database.db, keyring, clock, audit };
    const storage = localMediaStorage(join(config.dataDir, 'media'));
    const inbox: InboxDeps = { db: database.db, keyring, clock, audit, contacts, channels, storage };
    // Automation reacts to new customer messages (a job in the same transaction) and owns the settings
    // the inbox's read paths and event stream consult; the inbox imports neither.
    inbox.inboundHooks = [enqueueInboundAutomation];
    inbox.agentsSeeOnlyAssigned = async (tx, workspaceId) => (await readSettings(tx, workspaceId)).agentsSeeOnlyAssigned;
    realtime.visibility.register(assignedOnlyEventFilter(inbox));
    // Webhook ingress group commit: envelopes of concurrent requests share one INSERT (≤ 2 ms linger).
    const committer = new GroupCommitter<NewEnvelope>((rows) => unsafeInsertEnvelopes(database.db, rows), { lingerMs: 2, maxRows: 256, maxInFlight: database.kind === 'postgres' ? Math.max(1, Math.min(4, config.databasePoolSize - 2)) : 1 });
    const webhooks: WebhookIngressDeps = { channels, logger, committer };
    const outbound: OutboundDeps = { db: database.db, keyring, clock, logger, contacts, channels, audit, storage };
    const templates: TemplatesDeps = { db: database.db, keyring, clock, channels, audit, contacts };
    const campaigns: CampaignsDeps = { db: database.db, keyring, clock, logger, audit, contacts, outbound };
    const automation: AutomationDeps = { db: database.db, keyring, clock, audit, logger, outbound };
    return {
      config,
      logger,
      clock,
      database,
      keyring,
      audit,
      auth,
      channels,
      realtime,
      integrations,
      contacts,
      inbox,
      webhooks,
      outbound,
      templates,
      campaigns,
      automation,
      async close() {
        await Promise.all([transport.close(), sandboxTransport.close()]);
        await database.close();
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}
