import { createRequire } from 'node:module';
import { createServer, installNotFoundHandler, type AppInstance } from '../platform/http';
import { installAuthHook, permissionMatrixMarkdown, registerAuthRoutes, registerTeamRoutes } from '../modules/auth';
import { registerChannelRoutes, registerWebhookRoutes } from '../modules/channels';
import { registerContactRoutes } from '../modules/contacts';
import { registerInboxRoutes } from '../modules/inbox';
import { registerMessageRoutes } from '../modules/messages';
import { registerAutomationRoutes } from '../modules/automation';
import { registerTemplateRoutes } from '../modules/templates';
import { registerCampaignRoutes } from '../modules/campaigns';
import { registerWebhookSubscriptionRoutes } from '../modules/integrations';
import { registerAuditRoutes, registerPrivacyRoutes } from '../modules/privacy';
import { registerAnalyticsRoutes } from '../modules/analytics';
import { registerEventStreamRoutes } from '../modules/realtime';
import { registerGoogleContactsRoutes, registerGoogleSignInRoutes } from '../modules/google';
import type { Container } from './container';
import { registerHealthRoutes } from './health.routes';
import { mountGoogleSandbox, mountSandbox } from './sandbox';
import { registerWebAssets } from './web-assets';

const { version } = createRequire(import.meta.url)('../../package.json') as { version: string };

/** The HTTP half of the product: API, docs, health, and the dashboard's files. */
export async function buildApi(container: Container): Promise<AppInstance> {
  const { config } = container;
  const app = await createServer({ logger: container.logger, trustProxy: config.trustProxy, publicUrl: config.publicUrl, version, apiDescription: permissionMatrixMarkdown() });
  installAuthHook(app, container.auth);
  registerHealthRoutes(app, container.database.db);
  registerAuthRoutes(app, container.auth);
  registerTeamRoutes(app, container.auth);
  registerAuditRoutes(app, { db: container.database.db, audit: container.audit });
  registerChannelRoutes(app, container.channels);
  registerWebhookRoutes(app, container.webhooks);
  registerContactRoutes(app, container.contacts);
  registerPrivacyRoutes(app, container.privacy);
  registerInboxRoutes(app, container.inbox);
  registerMessageRoutes(app, container.messages);
  registerAutomationRoutes(app, container.automation);
  registerTemplateRoutes(app, container.templates);
  registerCampaignRoutes(app, container.campaigns);
  registerWebhookSubscriptionRoutes(app, container.integrations);
  registerAnalyticsRoutes(app, container.analytics);
  registerEventStreamRoutes(app, { db: container.database.db, logger: container.logger, ...container.realtime });
  registerGoogleSignInRoutes(app, container.google);
  registerGoogleContactsRoutes(app, container.google);
  if (config.whatsappMode === 'sandbox') {
    const sandbox = await mountSandbox(app, container.channels, container.logger);
    // A sandbox channel created by this process (sign-up) is registered with the simulator at once.
    const unsubscribe = container.signals.workspaceCreated.subscribe((workspaceId) => sandbox.registerWorkspace(workspaceId));
    app.addHook('onClose', async () => unsubscribe());
    if (!config.google) await mountGoogleSandbox(app, container.google, { trustProxy: config.trustProxy });
  }
  const appShellHtml = await registerWebAssets(app);
  installNotFoundHandler(app, { appShellHtml, apiPrefixes: ['/api/', '/webhooks/', '/docs', '/sandbox/graph', '/sandbox/google', '/healthz', '/readyz'] });
  return app;
}
