// The simulator's engine: its state plus the actions that change it, with no HTTP in it, so the
// standalone server and the in-process Fastify plugin share it. Its methods are also the
// programmatic API the product uses in sandbox mode.
import { EngineState } from './engine-state';
import { injectInbound, type InboundInput } from '../inbound/inject-inbound';
import { emitWebhook, type EmitWebhookInput } from '../control/emit-webhook';
import { changeTemplate, type TemplateChange } from '../graph/templates/change-template';

export class SimulatorEngine extends EngineState {
  injectInbound(input: InboundInput): { wamid: string } {
    return injectInbound(this, input);
  }

  emitWebhook(input: EmitWebhookInput): void {
    emitWebhook(this, input);
  }

  changeTemplate(templateId: string, change: TemplateChange): void {
    changeTemplate(this, templateId, change);
  }
}
