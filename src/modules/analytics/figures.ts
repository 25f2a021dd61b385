import { BUCKET_BOUNDS, percentileOf } from './duration-buckets';

export type Metrics = Map<string, number>;

const get = (m: Metrics, metric: string) => m.get(metric) ?? 0;
const ratio = (a: number, b: number) => (b === 0 ? null : Math.round((a / b) * 10_000) / 10_000);
const money = (v: number) => Math.round(v * 1e6) / 1e6;

/** Count, median, p90 and mean (seconds) of a duration histogram ("frt" / "resolution"), for given hour classes. */
export function distributionOf(m: Metrics, name: 'frt' | 'resolution', classes: ('in' | 'out')[]) {
  const histogram = new Map<number, number>();
  let sum = 0;
  for (const c of classes) {
    for (const bound of BUCKET_BOUNDS) {
      const n = get(m, `${name}.${c}.${bound}`);
      if (n) histogram.set(bound, (histogram.get(bound) ?? 0) + n);
    }
    sum += get(m, `${name}.${c}.sum`);
  }
  const count = [...histogram.values()].reduce((a, b) => a + b, 0);
  return { count, medianSeconds: percentileOf(histogram, 0.5), p90Seconds: percentileOf(histogram, 0.9), meanSeconds: count ? Math.round(sum / count) : null };
}

type Distribution = ReturnType<typeof distributionOf>;
const flat = (prefix: string, d: Distribution) => ({ [`${prefix}Count`]: d.count, [`${prefix}MedianSeconds`]: d.medianSeconds, [`${prefix}P90Seconds`]: d.p90Seconds, [`${prefix}MeanSeconds`]: d.meanSeconds });

/** Metric sums per name suffix: `messages.in.text` → {text: n} for prefix "messages.in.". */
export function breakdown(m: Metrics, prefix: string, exclude: string[] = []): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [metric, value] of m) if (metric.startsWith(prefix) && !exclude.includes(metric.slice(prefix.length)) && value) out[metric.slice(prefix.length)] = money(value);
  return out;
}

const sumOf = (m: Metrics, prefix: string) => [...m].filter(([k]) => k.startsWith(prefix)).reduce((a, [, v]) => a + v, 0);

/** Conversation figures: opened, reopened, resolved, and response / resolution times in and outside business hours. */
export function conversationFigures(m: Metrics) {
  return {
    conversationsOpened: get(m, 'conversations.opened'), conversationsReopened: get(m, 'conversations.reopened'), conversationsResolved: get(m, 'conversations.resolved'),
    ...flat('firstResponse', distributionOf(m, 'frt', ['in', 'out'])), ...flat('firstResponseInHours', distributionOf(m, 'frt', ['in'])), ...flat('firstResponseOutsideHours', distributionOf(m, 'frt', ['out'])),
    ...flat('resolution', distributionOf(m, 'resolution', ['in', 'out'])), ...flat('resolutionInHours', distributionOf(m, 'resolution', ['in'])), ...flat('resolutionOutsideHours', distributionOf(m, 'resolution', ['out'])),
  };
}

/** Delivery figures of outbound messages (all of them, a template's or a campaign's). */
export function deliveryFigures(m: Metrics) {
  const sent = get(m, 'sent');
  const delivered = get(m, 'delivered');
  return {
    messagesOut: get(m, 'messages.out'), sent, delivered, read: get(m, 'read'), failed: get(m, 'failed'), replies: get(m, 'replies'),
    deliveryRate: ratio(delivered, sent), readRate: ratio(get(m, 'read'), delivered),
    billed: get(m, 'billed'), cost: money(get(m, 'cost')), pending: get(m, 'pending'), estimate: money(get(m, 'estimate')),
  };
}

/** Everything the overview shows for a period, as one flat record. */
export function overviewFigures(m: Metrics) {
  return {
    ...conversationFigures(m), messagesIn: get(m, 'messages.in'), ...deliveryFigures(m), messagesOutAutomated: get(m, 'messages.out.automated'),
    optIns: sumOf(m, 'opt_in.'), optOuts: sumOf(m, 'opt_out.'),
  };
}
