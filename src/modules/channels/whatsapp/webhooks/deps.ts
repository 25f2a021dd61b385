import type { Logger } from '../../../../platform/logging';
import type { ChannelDeps } from '../../deps';
import type { GroupCommitter } from './group-commit';
import type { NewEnvelope } from './envelope.repository';

export interface WebhookIngressDeps {
  channels: ChannelDeps;
  logger: Logger;
  committer: GroupCommitter<NewEnvelope>;
  /** Called after envelopes committed (wakes an in-process processor). */
  onStored: () => void;
}

export const ENVELOPE_CONTEXT = (workspaceId: string) => `webhook-envelope:${workspaceId}`;
