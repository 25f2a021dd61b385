import type { Agent } from 'undici';
import { createGuardedAgent } from '../../platform/net';

export interface PostResult {
  statusCode: number | null;
  durationMs: number;
  /** A short, content-free reason when no 2xx came back. */
  error: string | null;
}

/**
 * What a delivery that never got an answer records, whatever the cause before the answer: an
 * address that is not public, a name that does not resolve, a closed or filtered port, a failed
 * TLS handshake. One reason for all, so deliveries cannot be used to map a network.
 */
export const UNREACHABLE = 'We could not reach that address.';

// One keep-alive pool per policy and deadline. The connect timeout is half the deadline, so a
// filtered port fails as a connection failure (UNREACHABLE), never as a "timed out" that would
// tell it apart from a closed one.
const agents = new Map<string, Agent>();
function agentFor(allowPrivate: boolean, timeoutMs: number): Agent {
  const key = `${allowPrivate}:${timeoutMs}`;
  let agent = agents.get(key);
  if (!agent) {
    agent = createGuardedAgent({ allowPrivate, connectTimeoutMs: Math.max(1, Math.floor(timeoutMs / 2)), connections: 16 });
    agents.set(key, agent);
  }
  return agent;
}

class Deadline extends Error {}

/**
 * One POST through the outbound-address guard (every connection checked after DNS resolution):
 * no redirect followed (a 3xx is a failed delivery), a hard deadline, at most 64 KB of the answer
 * read and the rest dropped.
 */
export async function postWebhook(target: string, body: string, headers: Record<string, string>, options: { timeoutMs: number; allowPrivate: boolean }): Promise<PostResult> {
  const started = performance.now();
  const done = (statusCode: number | null, error: string | null): PostResult => ({ statusCode, durationMs: Math.round(performance.now() - started), error });
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(new Deadline()), options.timeoutMs);
  const url = new URL(target);
  try {
    const response = await agentFor(options.allowPrivate, options.timeoutMs).request({
      origin: url.origin,
      path: url.pathname + url.search,
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': 'WhatGrowPro-Webhooks/1', ...headers },
      body,
      signal: deadline.signal,
    });
    let received = 0;
    for await (const chunk of response.body as AsyncIterable<Buffer>) {
      received += chunk.length;
      if (received > 64 * 1024) break;
    }
    response.body.destroy();
    const status = response.statusCode;
    return done(status, status >= 200 && status < 300 ? null : `HTTP ${status}`);
  } catch {
    // Connection failures surface before the deadline (see agentFor), so only a connected
    // receiver that is too slow reaches it.
    return done(null, deadline.signal.aborted ? `timed out after ${options.timeoutMs} ms` : UNREACHABLE);
  } finally {
    clearTimeout(timer);
  }
}
