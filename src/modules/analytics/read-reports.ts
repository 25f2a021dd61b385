import { CURRENCY } from '../campaigns';
import type { AnalyticsDeps } from './deps';
import { breakdown, conversationFigures, deliveryFigures, distributionOf, overviewFigures } from './figures';
import { campaignNames, memberNames, type ReportRange } from './report.repository';
import { inRange, metricsByKey, metricsByPeriod, totalOf, type RangeQuery, type ReportRow } from './report-rows';

// The six reports. Each answers {range, totals?, rows}; `rows` is the report's table (its CSV).
// Figures count on the local day (workspace time zone) of the message, or of the moment.

const rangeOf = (r: ReportRange) => ({ from: r.from, to: r.to, granularity: r.granularity, channelId: r.channelId ?? null });

export function overviewReport(deps: AnalyticsDeps, workspaceId: string, query: RangeQuery) {
  return inRange(deps, workspaceId, query, async (tx, range) => {
    const periods = await metricsByPeriod(tx, workspaceId, range);
    const total = totalOf(periods);
    return {
      range: rangeOf(range), currency: CURRENCY,
      totals: overviewFigures(total),
      breakdowns: { messagesInByType: breakdown(total, 'messages.in.'), messagesOutByType: breakdown(total, 'messages.out.', ['automated']), failedByCode: breakdown(total, 'failed.') },
      rows: periods.map(([period, m]): ReportRow => ({ period, ...overviewFigures(m) })),
    };
  });
}

export function conversationsReport(deps: AnalyticsDeps, workspaceId: string, query: RangeQuery) {
  return inRange(deps, workspaceId, query, async (tx, range) => {
    const periods = await metricsByPeriod(tx, workspaceId, range);
    const labels = await metricsByKey(tx, workspaceId, 'label', range);
    return {
      range: rangeOf(range),
      totals: conversationFigures(totalOf(periods)),
      byLabel: [...labels].sort(([a], [b]) => a.localeCompare(b)).map(([label, m]) => ({ label, resolved: m.get('conversations.resolved') ?? 0, ...resolutionOf(m) })),
      rows: periods.map(([period, m]): ReportRow => ({ period, ...conversationFigures(m) })),
    };
  });
}

const resolutionOf = (m: Map<string, number>) => {
  const d = distributionOf(m, 'resolution', ['in', 'out']);
  return { resolutionMedianSeconds: d.medianSeconds, resolutionP90Seconds: d.p90Seconds, resolutionMeanSeconds: d.meanSeconds };
};

export function agentsReport(deps: AnalyticsDeps, workspaceId: string, query: RangeQuery) {
  return inRange(deps, workspaceId, query, async (tx, range) => {
    const agents = await metricsByKey(tx, workspaceId, 'agent', range);
    const names = await memberNames(tx, workspaceId, [...agents.keys()]);
    const rows = [...agents].map(([agentId, m]): ReportRow => {
      const frt = distributionOf(m, 'frt', ['in', 'out']);
      return {
        agentId, name: names.get(agentId) ?? null, messagesOut: m.get('messages.out') ?? 0,
        firstResponses: frt.count, firstResponseMedianSeconds: frt.medianSeconds, firstResponseP90Seconds: frt.p90Seconds, firstResponseMeanSeconds: frt.meanSeconds,
        resolved: m.get('conversations.resolved') ?? 0, ...resolutionOf(m),
      };
    });
    return { range: rangeOf(range), rows: rows.sort((a, b) => String(a.name ?? a.agentId).localeCompare(String(b.name ?? b.agentId))) };
  });
}

const failedCodes = (m: Map<string, number>) => Object.entries(breakdown(m, 'failed.')).map(([code, n]) => `${code}:${n}`).join(' ');

export function templatesReport(deps: AnalyticsDeps, workspaceId: string, query: RangeQuery) {
  return inRange(deps, workspaceId, query, async (tx, range) => {
    const templates = await metricsByKey(tx, workspaceId, 'template', range);
    const rows = [...templates].sort(([a], [b]) => a.localeCompare(b)).map(([key, m]): ReportRow => {
      const [name, language] = [key.slice(0, key.lastIndexOf('/')), key.slice(key.lastIndexOf('/') + 1)];
      return { template: name, language, ...deliveryFigures(m), failedByCode: failedCodes(m) };
    });
    return { range: rangeOf(range), currency: CURRENCY, rows };
  });
}

export function campaignsReport(deps: AnalyticsDeps, workspaceId: string, query: RangeQuery) {
  return inRange(deps, workspaceId, query, async (tx, range) => {
    const campaigns = await metricsByKey(tx, workspaceId, 'campaign', range);
    const names = await campaignNames(tx, workspaceId, [...campaigns.keys()]);
    const rows = [...campaigns].map(([campaignId, m]): ReportRow => ({ campaignId, name: names.get(campaignId) ?? null, ...deliveryFigures(m), failedByCode: failedCodes(m) }));
    return { range: rangeOf(range), currency: CURRENCY, rows: rows.sort((a, b) => String(a.name).localeCompare(String(b.name))) };
  });
}

/** Cost by Meta's pricing category and the recipient's calling code: billed (priced from the status webhooks) and estimated (pricing not arrived yet). */
export function costsReport(deps: AnalyticsDeps, workspaceId: string, query: RangeQuery) {
  return inRange(deps, workspaceId, query, async (tx, range) => {
    const periods = await metricsByPeriod(tx, workspaceId, range);
    const total = totalOf(periods);
    const cells = new Map<string, ReportRow>();
    for (const kind of ['billed', 'cost', 'pending', 'estimate'] as const) {
      for (const [suffix, value] of Object.entries(breakdown(total, `${kind}.`))) {
        const [category, country] = [suffix.slice(0, suffix.lastIndexOf('.')), suffix.slice(suffix.lastIndexOf('.') + 1)];
        const row = cells.get(suffix) ?? { category, country, billed: 0, cost: 0, pending: 0, estimate: 0 };
        row[kind] = value;
        cells.set(suffix, row);
      }
    }
    const { billed, cost, pending, estimate } = deliveryFigures(total);
    return {
      range: rangeOf(range), currency: CURRENCY, totals: { billed, cost, pending, estimate },
      series: periods.map(([period, m]) => { const f = deliveryFigures(m); return { period, billed: f.billed, cost: f.cost, pending: f.pending, estimate: f.estimate }; }),
      rows: [...cells.values()].sort((a, b) => `${a.category}.${a.country}`.localeCompare(`${b.category}.${b.country}`)),
    };
  });
}
