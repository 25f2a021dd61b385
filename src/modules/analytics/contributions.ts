import { bucketOf } from './duration-buckets';
import type { ConsentFact, Contribution, Dimension, Episode, MessageFact } from './facts';

// Every figure is a sum of contributions, and a fact's contributions depend on the fact row alone:
// when a fact changes, the rollups move by (new − old), so incremental upkeep and a rebuild that
// sums all facts afresh give the same rows.

/** Outbound statuses counted as sent (and as delivered / read) on the ladder, like campaign funnels. */
const SENT = new Set(['sent', 'delivered', 'read', 'played']);
const DELIVERED = new Set(['delivered', 'read', 'played']);
const READ = new Set(['read', 'played']);

const hoursClass = (inHours: boolean | null) => (inHours ? 'in' : 'out');
const seconds = (from: Date, to: Date) => Math.max(0, Math.round((to.getTime() - from.getTime()) / 1000));

function deliveryMetrics(f: MessageFact): [string, number][] {
  const metrics: [string, number][] = [['messages.out', 1]];
  if (SENT.has(f.status)) metrics.push(['sent', 1]);
  if (DELIVERED.has(f.status)) metrics.push(['delivered', 1]);
  if (READ.has(f.status)) metrics.push(['read', 1]);
  if (f.status === 'failed') metrics.push(['failed', 1], [`failed.${f.error_code ?? 'unknown'}`, 1]);
  if (f.replied) metrics.push(['replies', 1]);
  if (f.billable) metrics.push(['billed', 1], ['cost', f.cost]);
  if (f.estimate > 0) metrics.push(['pending', 1], ['estimate', f.estimate]);
  return metrics;
}

export function messageContributions(f: MessageFact): Contribution[] {
  const out: Contribution[] = [];
  const add = (dimension: Dimension, key: string, metric: string, value: number) => out.push({ dimension, day: f.day, channelId: f.channel_id, key, metric, value });
  if (f.direction === 'inbound') {
    add('all', '', 'messages.in', 1);
    add('all', '', `messages.in.${f.type}`, 1);
    return out;
  }
  const delivery = deliveryMetrics(f);
  for (const [metric, value] of delivery) add('all', '', metric, value);
  add('all', '', `messages.out.${f.type}`, 1);
  if (f.automated) add('all', '', 'messages.out.automated', 1);
  const category = (f.pricing_category ?? f.template_category ?? 'unknown').toLowerCase();
  const country = f.country ?? 'other';
  if (f.billable) {
    add('all', '', `billed.${category}.${country}`, 1);
    add('all', '', `cost.${category}.${country}`, f.cost);
  }
  if (f.estimate > 0) {
    add('all', '', `pending.${category}.${country}`, 1);
    add('all', '', `estimate.${category}.${country}`, f.estimate);
  }
  if (f.agent_id) add('agent', f.agent_id, 'messages.out', 1);
  if (f.template) for (const [metric, value] of delivery) add('template', f.template, metric, value);
  if (f.campaign_id) for (const [metric, value] of delivery) add('campaign', f.campaign_id, metric, value);
  return out;
}

export function episodeContributions(e: Episode): Contribution[] {
  const out: Contribution[] = [];
  const add = (dimension: Dimension, key: string, day: string, metric: string, value: number) => out.push({ dimension, day, channelId: e.channel_id, key, metric, value });
  add('all', '', e.opened_day, `conversations.${e.kind}`, 1);
  if (e.first_customer_at && e.first_response_at && e.response_day) {
    const s = seconds(e.first_customer_at, e.first_response_at);
    const h = hoursClass(e.customer_in_hours);
    for (const [dimension, key] of [['all', ''], ...(e.responder_id ? [['agent', e.responder_id]] : [])] as [Dimension, string][]) {
      add(dimension, key, e.response_day, `frt.${h}.${bucketOf(s)}`, 1);
      add(dimension, key, e.response_day, `frt.${h}.sum`, s);
    }
  }
  if (e.resolved_at && e.resolved_day) {
    const s = seconds(e.opened_at, e.resolved_at);
    const h = hoursClass(e.opened_in_hours);
    const keys: [Dimension, string][] = [['all', ''], ...(e.assignee_id ? [['agent', e.assignee_id] as [Dimension, string]] : []), ...e.labels.map((l) => ['label', l] as [Dimension, string])];
    for (const [dimension, key] of keys) {
      add(dimension, key, e.resolved_day, 'conversations.resolved', 1);
      add(dimension, key, e.resolved_day, `resolution.${h}.${bucketOf(s)}`, 1);
      add(dimension, key, e.resolved_day, `resolution.${h}.sum`, s);
    }
  }
  return out;
}

export function consentContributions(f: ConsentFact): Contribution[] {
  return [{ dimension: 'all', day: f.day, channelId: '', key: '', metric: `${f.granted ? 'opt_in' : 'opt_out'}.${f.purpose}`, value: 1 }];
}

const keyOf = (c: Contribution) => `${c.dimension}\u0000${c.day}\u0000${c.channelId}\u0000${c.key}\u0000${c.metric}`;

/** Adds `sign` × each contribution into a map of rollup deltas keyed by row. */
export function accumulate(into: Map<string, Contribution>, contributions: Contribution[], sign: 1 | -1): void {
  for (const c of contributions) {
    const k = keyOf(c);
    const existing = into.get(k);
    if (existing) existing.value += sign * c.value;
    else into.set(k, { ...c, value: sign * c.value });
  }
}
