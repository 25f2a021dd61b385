import type { ServerResponse } from 'node:http';
import { z } from 'zod';
import { withTenant, type AnyDb } from '../../platform/db';
import { committedEventsBetween, type FeedEvent } from '../../platform/events';
import { registerErrorStatuses, type AppInstance } from '../../platform/http';
import type { Logger } from '../../platform/logging';
import { requirePrincipal } from '../auth';
import type { EventHub } from './event-hub';
import type { VisibilityRegistry } from './event-visibility';
import { realtimeErrors } from './errors';
import { realtimeErrorStatuses } from './error-statuses';

export interface EventStreamDeps {
  db: AnyDb;
  logger: Logger;
  hub: EventHub;
  visibility: VisibilityRegistry;
  heartbeatMs?: number;
}

const MAX_BUFFERED_BYTES = 1024 * 1024;

const headers = z.object({ 'last-event-id': z.string().max(40).optional() });

const frame = (event: FeedEvent) => `id: ${event.id}\nevent: ${event.type}\ndata: ${JSON.stringify(event.data)}\n\n`;

/** `GET /api/v1/events`: the workspace's domain events as server-sent events, resumable by id. */
export function registerEventStreamRoutes(app: AppInstance, deps: EventStreamDeps): void {
  registerErrorStatuses(app, realtimeErrorStatuses);
  const open = new Set<ServerResponse>();
  // Streams never end on their own: close them so the server can shut down.
  app.addHook('preClose', async () => {
    for (const raw of open) raw.end();
  });

  app.get('/api/v1/events', {
    config: { access: 'events.read' },
    schema: {
      tags: ['events'],
      description:
        'Server-sent events (text/event-stream) of the workspace: named events such as message.created, message.status, ' +
        'conversation.updated, campaign.progress, whose data carries ids only; fetch the resources they name. Every event has ' +
        '`id:`; reconnect with Last-Event-ID to receive the events you missed. A comment line (": heartbeat") every 15 s.',
      headers,
    },
  }, async (request, reply) => {
    const principal = requirePrincipal(request);
    const workspaceId = principal.workspaceId;
    const lastHeader = request.headers['last-event-id'];
    if (lastHeader !== undefined && !/^\d{1,18}$/.test(lastHeader)) throw realtimeErrors.invalidLastEventId();
    const visible = await deps.visibility.forPrincipal(principal);

    reply.hijack();
    const raw = reply.raw;
    raw.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache, no-transform', connection: 'keep-alive', 'x-accel-buffering': 'no', 'x-request-id': request.id });
    raw.write('retry: 2000\n\n');
    open.add(raw);

    let replaying = true;
    const buffered: FeedEvent[] = [];
    const send = (event: FeedEvent) => {
      if (!visible(event) || raw.writableEnded) return;
      raw.write(frame(event));
      // A reader that stopped reading is cut off rather than buffered without bound; it reconnects
      // with Last-Event-ID and catches up from the outbox.
      if (raw.writableLength > MAX_BUFFERED_BYTES) raw.end();
    };
    let subscription: Awaited<ReturnType<EventHub['subscribe']>> | undefined;
    const heartbeat = setInterval(() => void (raw.writableEnded || raw.write(': heartbeat\n\n')), deps.heartbeatMs ?? 15_000);
    let closed = false;
    const close = () => {
      if (closed) return;
      closed = true;
      clearInterval(heartbeat);
      subscription?.unsubscribe();
      open.delete(raw);
    };
    request.raw.on('close', close);
    raw.on('close', close);

    try {
      subscription = await deps.hub.subscribe(workspaceId, (event) => (replaying ? buffered.push(event) : send(event)));
      if (closed) return subscription.unsubscribe();
      if (lastHeader !== undefined) {
        // Replay what was missed, from the outbox, up to where the live stream takes over.
        let afterId = Number(lastHeader);
        for (;;) {
          const page = await withTenant(deps.db, workspaceId, (tx) => committedEventsBetween(tx, workspaceId, afterId, subscription!.position, 1000));
          page.forEach(send);
          if (page.length < 1000) break;
          afterId = page[page.length - 1]!.id;
        }
      }
      replaying = false;
      buffered.splice(0).forEach(send);
    } catch (error) {
      deps.logger.warn({ err: error, workspaceId }, 'event stream failed to start');
      raw.end();
      close();
    }
  });
}
