import { withTenant, type AnyDb, type TenantTx } from '../../platform/db';
import type { Principal } from '../auth';
import { inboxErrors } from './errors';

/** Which conversations a reader sees: all (null) or only those assigned to one member. */
export type ConversationScope = { assigneeId: string } | null;

/** Reads the workspace setting `agentsSeeOnlyAssigned` (owned by the automation module). */
export type AssignedOnlyPolicy = (tx: TenantTx, workspaceId: string) => Promise<boolean>;

type Reader = Pick<Principal, 'workspaceId' | 'role' | 'userId'>;

/**
 * Agents see only their assigned conversations when the workspace says so; an agent API key is
 * nobody's assignee, so it then sees none. Other roles always see every conversation.
 */
export function scopeFor(reader: Reader, assignedOnly: boolean): ConversationScope {
  return reader.role === 'agent' && assignedOnly ? { assigneeId: reader.userId ?? '' } : null;
}

export async function conversationScope(deps: { db: AnyDb; agentsSeeOnlyAssigned: AssignedOnlyPolicy }, reader: Reader): Promise<ConversationScope> {
  const policy = deps.agentsSeeOnlyAssigned;
  if (reader.role !== 'agent') return null;
  return scopeFor(reader, await withTenant(deps.db, reader.workspaceId, (tx) => policy(tx, reader.workspaceId)));
}

/** A conversation outside the reader's scope does not exist for them (404, like another workspace's). */
export function assertVisible(scope: ConversationScope, assigneeId: string | null): void {
  if (scope && scope.assigneeId !== assigneeId) throw inboxErrors.conversationNotFound();
}
