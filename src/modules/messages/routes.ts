import { registerErrorStatuses, type AppInstance } from '../../platform/http';
import type { MessagesDeps } from './deps';
import { messageErrorStatuses } from './error-statuses';
import { registerMediaRoutes } from './media/media.routes';
import { registerMessageReadRoutes } from './read/messages.routes';
import { registerMarkReadRoute } from './send/mark-read.routes';
import { registerOutboundRoutes } from './send/send.routes';

/** Every HTTP route of a message's life: send, upload media, mark read, read messages and media. */
export function registerMessageRoutes(app: AppInstance, deps: MessagesDeps): void {
  registerErrorStatuses(app, messageErrorStatuses);
  registerOutboundRoutes(app, deps);
  registerMediaRoutes(app, deps);
  registerMarkReadRoute(app, deps);
  registerMessageReadRoutes(app, deps);
}
