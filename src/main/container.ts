import { hkdfSync } from 'node:crypto';
import { join } from 'node:path';
import { systemClock, type Clock } from '../platform/clock';
import type { Config } from '../platform/config';
import { createKeyring, resolveMasterKey, type Keyring } from '../platform/crypto';
import { migrate, openDatabase, type Database } from '../platform/db';
import type { Logger } from '../platform/logging';
import type { AnalyticsDeps } from '../modules/analytics';
import type { AuthDeps } from '../modules/auth';
import { channelDataPart, channelItemHandlers, GraphTransport, GroupCommitter, provisionSandboxChannel, sinkByKind, unsafeInsertEnvelopes, type ChannelDeps, type NewEnvelope, type WebhookIngressDeps } from '../modules/channels';
import { contactDataPart, preferenceItemHandler, type ContactsDeps } from '../modules/contacts';
import { assignedOnlyEventFilter, conversationDataPart, type InboxDeps } from '../modules/inbox';
import { localMediaStorage, messageDataPart, messageItemHandlers, type MessagesDeps } from '../modules/messages';
import { automationDataPart, enqueueInboundAutomation, readSettings, type AutomationDeps } from '../modules/automation';
import { createAuditLog, createCertificateSigner, type AuditLog, type PrivacyDeps } from '../modules/privacy';
import { templateItemHandler, type TemplatesDeps } from '../modules/templates';
import { campaignDataPart, type CampaignsDeps } from '../modules/campaigns';
import { createEnricherRegistry, defaultWebhookPolicy, deliveryDataPart, type IntegrationDeps } from '../modules/integrations';
import { createEventHub, createVisibilityRegistry, type EventHub, type VisibilityRegistry } from '../modules/realtime';
import { createGoogleHttp, sandboxGoogleSettings, type GoogleDeps } from '../modules/google';
import { createSignal, type Signal } from './signal';

/** Notifications between parts built here, for listeners that start later (the worker's loops, the sandbox). */
export interface Signals {
  /** Webhook envelopes were committed: the envelope processor looks at once. */
  envelopesStored: Signal;
  /** Sends were queued outside a send stream (automated replies, campaign batches): the sender looks at once. */
  sendsQueued: Signal;
  /** A workspace was created (and, in sandbox mode, given its sandbox number). */
  workspaceCreated: Signal<string>;
}

/** The composition root: every long-lived dependency is built here, once, with what it needs, and passed down. */
export interface Container {
  config: Config;
  logger: Logger;
  clock: Clock;
  database: Database;
  keyring: Keyring;
  audit: AuditLog;
  signals: Signals;
  auth: AuthDeps;
  channels: ChannelDeps;
  realtime: { hub: EventHub; visibility: VisibilityRegistry };
  integrations: IntegrationDeps;
  contacts: ContactsDeps;
  inbox: InboxDeps;
  messages: MessagesDeps;
  webhooks: WebhookIngressDeps;
  /** Applies a verified envelope's items, each kind by the module that owns it. */
  envelopeSink: ReturnType<typeof sinkByKind>;
  templates: TemplatesDeps;
  campaigns: CampaignsDeps;
  automation: AutomationDeps;
  privacy: PrivacyDeps;
  analytics: AnalyticsDeps;
  google: GoogleDeps;
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
    const db = database.db;
    const audit = createAuditLog({ key: keyring.systemKey('audit-chain'), clock });
    const signals: Signals = { envelopesStored: createSignal(), sendsQueued: createSignal(), workspaceCreated: createSignal<string>() };
    const transport = new GraphTransport({ policy: { allowPrivate: config.outboundAllowPrivateUrls } });
    // Sandbox channels reach this process's own simulator, at a URL built from PUBLIC_URL, never from a user.
    const sandboxTransport = new GraphTransport({ policy: { allowPrivate: true } });
    const channels: ChannelDeps = { db, keyring, audit, clock, publicUrl: config.publicUrl, mode: config.whatsappMode, transport, sandboxTransport };
    // Every workspace created in sandbox mode (sign-up or CLI) gets a connected sandbox number first.
    const provision = config.whatsappMode === 'sandbox' ? [async (workspaceId: string) => void (await provisionSandboxChannel(channels, workspaceId))] : [];
    const auth: AuthDeps = { db, audit, clock, publicUrl: config.publicUrl, mode: config.whatsappMode, onWorkspaceCreated: [...provision, signals.workspaceCreated.notify] };
    const integrations: IntegrationDeps = { db, keyring, audit, clock, logger, allowPrivateUrls: config.outboundAllowPrivateUrls, policy: { ...defaultWebhookPolicy }, enrichers: createEnricherRegistry() };
    const contacts: ContactsDeps = { db, keyring, clock, audit };
    // Automation owns the settings the inbox's read paths and event stream consult; the inbox imports none of it.
    const inbox: InboxDeps = { db, keyring, clock, audit, contacts, agentsSeeOnlyAssigned: async (tx, workspaceId) => (await readSettings(tx, workspaceId)).agentsSeeOnlyAssigned };
    const realtime = { hub: createEventHub({ db, logger }), visibility: createVisibilityRegistry([assignedOnlyEventFilter(inbox)]) };
    const storage = localMediaStorage(join(config.dataDir, 'media'));
    // Automation reacts to new customer messages with a job in the same transaction.
    const messages: MessagesDeps = { db, keyring, clock, logger, audit, contacts, channels, inbox, storage, inboundHooks: [enqueueInboundAutomation], readSettings };
    const templates: TemplatesDeps = { db, keyring, clock, channels, audit, contacts };
    const envelopeSink = sinkByKind({ ...messageItemHandlers(messages), ...channelItemHandlers(channels), template: templateItemHandler(templates), user_preference: preferenceItemHandler(contacts) });
    // Webhook ingress group commit: envelopes of concurrent requests share one INSERT (≤ 2 ms linger).
    const committer = new GroupCommitter<NewEnvelope>((rows) => unsafeInsertEnvelopes(db, rows), { lingerMs: 2, maxRows: 256, maxInFlight: database.kind === 'postgres' ? Math.max(1, Math.min(4, config.databasePoolSize - 2)) : 1 });
    const webhooks: WebhookIngressDeps = { channels, logger, committer, onStored: () => void signals.envelopesStored.notify() };
    const campaigns: CampaignsDeps = { db, keyring, clock, logger, audit, contacts, messages };
    const automation: AutomationDeps = { db, keyring, clock, audit, logger, messages, onQueued: () => void signals.sendsQueued.notify() };
    // A person's data as every module holds it, for export and erasure: contacts first (it says whether
    // the person exists), the modules whose ids others need (conversations, messages) before those.
    const parts = [contactDataPart(contacts), conversationDataPart(inbox), messageDataPart(messages), automationDataPart, campaignDataPart, deliveryDataPart, channelDataPart(channels)];
    const privacy: PrivacyDeps = { db, keyring, clock, logger, audit, signer: createCertificateSigner(keyring.systemKey('certificate-signing')), parts };
    const analytics: AnalyticsDeps = { db, keyring, clock, logger };
    // Google's flow cookies are sealed under a key every process of the installation derives alike.
    const cookieKey = Buffer.from(hkdfSync('sha256', master.key, Buffer.alloc(0), 'whatgrowpro google cookies v1', 32));
    const googleSettings = config.google
      ? { ...config.google, issuerUrl: config.googleIssuerUrl, peopleApiUrl: config.googlePeopleApiUrl }
      : config.whatsappMode === 'sandbox' ? sandboxGoogleSettings(config.publicUrl, cookieKey) : null;
    // The sandbox provider is this process's own URL (from PUBLIC_URL, never from a user), allowed as the sandbox Graph transport is.
    const googleHttp = createGoogleHttp({ allowPrivate: config.google ? config.outboundAllowPrivateUrls : true });
    const google: GoogleDeps = { db, keyring, audit, clock, logger, auth, contacts, publicUrl: config.publicUrl, settings: googleSettings, cookieKey, http: googleHttp };
    return {
      config,
      logger,
      clock,
      database,
      keyring,
      audit,
      signals,
      auth,
      channels,
      realtime,
      integrations,
      contacts,
      inbox,
      messages,
      webhooks,
      envelopeSink,
      templates,
      campaigns,
      automation,
      privacy,
      analytics,
      google,
      async close() {
        await Promise.all([transport.close(), sandboxTransport.close(), googleHttp.close()]);
        await database.close();
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}
