// The Meta WhatsApp Cloud API simulator: public entry point. See simulator/README.md.
export { createSimulator, type CreateSimulatorOptions, type RunningSimulator } from './http/create-simulator';
export { runSimulatorCommand, type SimulatorCommandOptions } from './cli';
export {
  registerSimulator,
  simulatorApiPlugin,
  phonePagePlugin,
  type RegisterSimulatorOptions,
  type SimulatorApiOptions,
  type PhonePageOptions,
} from './http/simulator-plugin';
export { SimulatorEngine } from './engine/engine';
export type { SimulatorOptions, StatusDelaysMs, StatusVariation, WebhookTuning } from './engine/options';
export type { RegisterNumberInput, NumberPatch, BusinessNumber, QualityRating, MessagingLimit } from './engine/numbers';
export type { CustomerInput } from './engine/customers';
export type { InboundInput } from './inbound/inbound-schema';
export type { EmitWebhookInput } from './control/emit-webhook';
export type { TemplateChange } from './graph/templates/change-template';
export { SimError } from './engine/sim-error';
export { encodeMetaJson } from './webhooks/meta-json';
export { registerGoogleSandbox, type GoogleSandbox, type GoogleSandboxOptions } from './google/register-google-sandbox';
export { CONTACTS_READONLY_SCOPE, defaultSandboxGoogleUsers, type SandboxGoogleUser } from './google/sandbox-google-users';
export type { SandboxContact } from './google/people-directory';
