import type { Agent } from 'undici';
import { createGuardedAgent, type OutboundPolicy } from '../../../../platform/net';

export interface GraphTransportOptions {
  /** Time allowed to open a TCP/TLS connection; a failure here is always safe to retry. */
  connectTimeoutMs?: number;
  /** Upper bound of open connections per origin (Graph, the media CDN, a simulator). */
  connectionsPerOrigin?: number;
  /**
   * Which addresses connections may reach: public addresses only unless the policy allows
   * private ones (OUTBOUND_ALLOW_PRIVATE_URLS, the sandbox's own pool, tests that talk to a
   * simulator on loopback). Safe by default: a transport built without a policy is guarded.
   */
  policy?: OutboundPolicy;
}

/**
 * The HTTP connections shared by every channel's client: one undici Agent, which keeps a
 * keep-alive pool per origin, so hundreds of channels talking to graph.facebook.com reuse
 * the same warm TLS connections instead of each opening their own.
 *
 * Pipelining stays off (1 request per connection at a time): a POST /messages queued behind
 * another request on a connection that then drops could not be told apart from one Meta had
 * processed, and non-idempotent requests must never be replayed. Concurrency comes from more
 * connections instead. Keep-alive uses undici's default idle timeout (4 s, shorter than
 * servers' own), which keeps "server closed the idle socket as we wrote" races rare.
 *
 * Every new connection passes the outbound-address guard (a channel's base URL is whatever its
 * owner typed), and no redirect is ever followed.
 */
export class GraphTransport {
  readonly dispatcher: Agent;

  constructor(options: GraphTransportOptions = {}) {
    this.dispatcher = createGuardedAgent({
      allowPrivate: options.policy?.allowPrivate ?? false,
      connections: options.connectionsPerOrigin ?? 512,
      pipelining: 1,
      connectTimeoutMs: options.connectTimeoutMs ?? 10_000,
    });
  }

  /** Closes idle connections and waits for in-flight requests (for shutdown and tests). */
  close(): Promise<void> {
    return this.dispatcher.close();
  }
}
