import type { FeedEvent } from '../../platform/events';
import type { Principal } from '../auth';

/**
 * Which events a connection may see, decided once per connection. Tenancy is enforced below this
 * (a connection only ever reads its own workspace's outbox, under RLS); this hook narrows further.
 * The composition root passes the inbox's filter for the `agentsSeeOnlyAssigned` workspace setting: a
 * restricted agent's stream carries message events of conversations assigned to them only.
 */
export type EventVisibilityFilter = (principal: Principal) => Promise<(event: FeedEvent) => boolean>;

export function createVisibilityRegistry(filters: readonly EventVisibilityFilter[]) {
  return {
    async forPrincipal(principal: Principal): Promise<(event: FeedEvent) => boolean> {
      const checks = await Promise.all(filters.map((f) => f(principal)));
      return (event) => checks.every((check) => check(event));
    },
  };
}

export type VisibilityRegistry = ReturnType<typeof createVisibilityRegistry>;
