export * from './whatsapp/cloud-api';
export { registerChannelRoutes } from './channels.routes';
export type { ChannelDeps } from './deps';
export { provisionSandboxChannel, SANDBOX_GRAPH_PATH } from './provision-sandbox-channel';
export { listSandboxNumbers, loadSandboxNumber, type SandboxNumber } from './sandbox-numbers';
export { unsafeFindRouteByPhoneNumberId } from './channel.repository';
export * from './whatsapp/webhooks';
export { unsafeLoadChannelCredentials, forgetChannelCredentials, loadChannelCredentialsById, clientFor, type ChannelCredentials } from './channel-credentials';
export { applyNumberUpdate } from './apply-number-update';
