import { sql } from 'kysely';
import type { TenantTx } from '../../platform/db';
import type { Dimension } from './facts';

export type Granularity = 'day' | 'week' | 'month';

export interface ReportRange {
  /** Local dates (YYYY-MM-DD), both included. */
  from: string;
  to: string;
  channelId?: string;
  granularity: Granularity;
}

export interface RollupSum {
  key: string;
  /** First day of the period (weeks start on Monday), or null when summed over the range. */
  period: string | null;
  metric: string;
  value: number;
}

/** Rollup sums of one dimension over a range, per key and metric, and per period when asked. */
export async function sumRollups(tx: TenantTx, workspaceId: string, dimension: Dimension, range: ReportRange, byPeriod: boolean): Promise<RollupSum[]> {
  const period = byPeriod ? sql`date_trunc(${range.granularity}, day::timestamp)::date::text` : sql`null::text`;
  const { rows } = await sql<{ key: string; period: string | null; metric: string; value: string }>`
    select key, ${period} as period, metric, sum(value) as value from analytics_rollups
    where workspace_id = ${workspaceId} and dimension = ${dimension} and day between ${range.from}::date and ${range.to}::date
      ${range.channelId !== undefined ? sql`and channel_id = ${range.channelId}` : sql``}
    group by 1, 2, 3`.execute(tx);
  return rows.map((r) => ({ key: r.key, period: r.period, metric: r.metric, value: Number(r.value) }));
}

export async function channelExists(tx: TenantTx, workspaceId: string, channelId: string): Promise<boolean> {
  const { rows } = await sql`select 1 from channels where workspace_id = ${workspaceId} and id = ${channelId}`.execute(tx);
  return rows.length > 0;
}

/** Names of members (agents' names are not customer data). */
export async function memberNames(tx: TenantTx, workspaceId: string, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const { rows } = await sql<{ id: string; name: string }>`
    select u.id, u.name from memberships m join users u on u.id = m.user_id where m.workspace_id = ${workspaceId} and u.id = any(${ids}::text[])`.execute(tx);
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function campaignNames(tx: TenantTx, workspaceId: string, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const { rows } = await sql<{ id: string; name: string }>`select id, name from campaigns where workspace_id = ${workspaceId} and id = any(${ids}::text[])`.execute(tx);
  return new Map(rows.map((r) => [r.id, r.name]));
}
