import type { FeedEvent } from '../../platform/events';
import type { Principal } from '../auth';

/**
 * Which events a connection may see, decided once per connection. Tenancy is enforced below this
 * (a connection only ever reads its own workspace's outbox, under RLS); this hook narrows further.
 * Hook for the `agentsSeeOnlyAssigned` workspace setting: when it lands, the inbox module registers
 * a filter here that, for agents, passes conversation and message events of conversations assigned
 * to them only (resolved through its own repository, by the conversationId the event carries).
 */
export type EventVisibilityFilter = (principal: Principal) => Promise<(event: FeedEvent) => boolean>;

export function createVisibilityRegistry() {
  const filters: EventVisibilityFilter[] = [];
  return {
    register(filter: EventVisibilityFilter): void {
      filters.push(filter);
    },
    async forPrincipal(principal: Principal): Promise<(event: FeedEvent) => boolean> {
      const checks = await Promise.all(filters.map((f) => f(principal)));
      return (event) => checks.every((check) => check(event));
    },
  };
}

export type VisibilityRegistry = ReturnType<typeof createVisibilityRegistry>;
