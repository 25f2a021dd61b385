import { withTenant, type TenantTx } from '../../platform/db';
import { calendarOf } from './calendar';
import type { AnalyticsDeps } from './deps';
import { localDay } from './local-day';
import { analyticsErrors } from './errors';
import type { Metrics } from './figures';
import { channelExists, sumRollups, type ReportRange } from './report.repository';
import type { Dimension } from './facts';

/** A report's rows: flat records of numbers and texts (null where a figure has no value). */
export type ReportRow = Record<string, string | number | null>;

/** A report's query: local dates; `to` defaults to today and `from` to 29 days before `to`. */
export type RangeQuery = Omit<ReportRange, 'from' | 'to'> & { from?: string; to?: string };

const MAX_DAYS = 731;
const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** Runs a report in the workspace's tenant transaction; a channel of another workspace is 404. */
export async function inRange<T>(deps: AnalyticsDeps, workspaceId: string, query: RangeQuery, fn: (tx: TenantTx, range: ReportRange) => Promise<T>): Promise<T> {
  return withTenant(deps.db, workspaceId, async (tx) => {
    if (query.channelId !== undefined && !(await channelExists(tx, workspaceId, query.channelId))) throw analyticsErrors.channelNotFound();
    const to = query.to ?? localDay(deps.clock.now(), (await calendarOf(tx, workspaceId)).timeZone);
    const from = query.from ?? addDays(to, -29);
    if (from > to || addDays(from, MAX_DAYS) < to) throw analyticsErrors.invalidRange(MAX_DAYS);
    return fn(tx, { ...query, from, to });
  });
}

/** Sums of a dimension per key (over the range) — `byPeriod` adds each period's metrics too. */
export async function metricsByKey(tx: TenantTx, workspaceId: string, dimension: Dimension, range: ReportRange): Promise<Map<string, Metrics>> {
  const out = new Map<string, Metrics>();
  for (const r of await sumRollups(tx, workspaceId, dimension, range, false)) {
    const m = out.get(r.key) ?? new Map<string, number>();
    m.set(r.metric, r.value);
    out.set(r.key, m);
  }
  return out;
}

/** The workspace-wide metrics per period, in period order, each period of the range present. */
export async function metricsByPeriod(tx: TenantTx, workspaceId: string, range: ReportRange): Promise<[string, Metrics][]> {
  const out = new Map<string, Metrics>(periodsOf(range).map((p) => [p, new Map()]));
  for (const r of await sumRollups(tx, workspaceId, 'all', range, true)) out.get(r.period!)?.set(r.metric, r.value);
  return [...out];
}

/** Adds the metrics of several periods. */
export function totalOf(periods: [string, Metrics][]): Metrics {
  const total: Metrics = new Map();
  for (const [, m] of periods) for (const [k, v] of m) total.set(k, (total.get(k) ?? 0) + v);
  return total;
}

/** Every period start of the range (weeks start on Monday, as PostgreSQL's date_trunc). */
export function periodsOf(range: ReportRange): string[] {
  const start = (d: Date) => {
    if (range.granularity === 'week') return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - ((d.getUTCDay() + 6) % 7)));
    if (range.granularity === 'month') return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1));
    return d;
  };
  const periods: string[] = [];
  const end = new Date(`${range.to}T00:00:00Z`);
  for (let d = start(new Date(`${range.from}T00:00:00Z`)); d <= end; ) {
    periods.push(d.toISOString().slice(0, 10));
    d = range.granularity === 'month' ? new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1)) : new Date(d.getTime() + (range.granularity === 'week' ? 7 : 1) * 86_400_000);
  }
  return periods;
}
