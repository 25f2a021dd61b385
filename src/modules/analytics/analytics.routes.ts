import { z } from 'zod';
import { registerErrorStatuses, type AppInstance } from '../../platform/http';
import { requirePrincipal } from '../auth';
import { toCsv } from './csv';
import type { AnalyticsDeps } from './deps';
import { analyticsErrorStatuses } from './error-statuses';
import { agentsReport, campaignsReport, conversationsReport, costsReport, overviewReport, templatesReport } from './read-reports';
import type { RangeQuery, ReportRow } from './report-rows';

const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD').refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), 'not a calendar date');
const rangeQuery = z.strictObject({
  from: localDate.optional().describe('First day (local date in the workspace time zone), included; default 29 days before `to`.'),
  to: localDate.optional().describe('Last day, included; default today in the workspace time zone.'),
  channelId: z.string().min(1).max(100).optional().describe('Only this channel (figures without a channel, opt-ins and opt-outs, are then left out).'),
  granularity: z.enum(['day', 'week', 'month']).default('day').describe('Period of `rows` (and series): weeks start on Monday.'),
});

const cell = z.union([z.string(), z.number(), z.null()]);
const row = z.record(z.string(), cell);
const range = z.object({ from: z.string(), to: z.string(), granularity: z.enum(['day', 'week', 'month']), channelId: z.string().nullable() });
const figures = z.record(z.string(), z.number().nullable());

const reports = {
  overview: {
    run: overviewReport,
    description: 'Key figures of the range (`totals`, `breakdowns`) and per period (`rows`): conversations opened, reopened and resolved; first-response and resolution times (count, median, p90, mean in seconds; also in and outside business hours); messages in and out; sent, delivered, read, failed; replies to template sends; opt-ins and opt-outs; cost (billed from Meta\'s pricing webhooks) and estimate (sends whose pricing has not arrived).',
    response: z.object({ range, currency: z.string(), totals: figures, breakdowns: z.object({ messagesInByType: z.record(z.string(), z.number()), messagesOutByType: z.record(z.string(), z.number()), failedByCode: z.record(z.string(), z.number()) }), rows: z.array(row) }),
  },
  conversations: {
    run: conversationsReport,
    description: 'Conversations opened, reopened, resolved and their first-response and resolution time distributions, per period (`rows`), over the range (`totals`) and by label at resolution (`byLabel`).',
    response: z.object({ range, totals: figures, byLabel: z.array(row), rows: z.array(row) }),
  },
  agents: {
    run: agentsReport,
    description: 'Per member: messages sent, first responses and their times, conversations resolved while assigned and their resolution times.',
    response: z.object({ range, rows: z.array(row) }),
  },
  templates: {
    run: templatesReport,
    description: 'Per template (name, language): sends, sent, delivered, read, failed (by error code), replies, rates and cost.',
    response: z.object({ range, currency: z.string(), rows: z.array(row) }),
  },
  campaigns: {
    run: campaignsReport,
    description: 'Per campaign: sends, sent, delivered, read, failed (by error code), replies, rates and cost.',
    response: z.object({ range, currency: z.string(), rows: z.array(row) }),
  },
  costs: {
    run: costsReport,
    description: 'Cost by Meta pricing category and the recipient\'s calling code: billed messages priced from the status webhooks\' pricing at the rate card, and the estimate for sends whose pricing has not arrived; totals and per period (`series`).',
    response: z.object({ range, currency: z.string(), totals: figures, series: z.array(row), rows: z.array(row) }),
  },
} as const;

const wantsCsv = (accept: string | undefined) => /\btext\/csv\b/i.test(accept ?? '');

type ReportRun<T> = (deps: AnalyticsDeps, workspaceId: string, query: RangeQuery) => Promise<T>;

function registerReport<T extends { rows: ReportRow[] }>(app: AppInstance, deps: AnalyticsDeps, name: string, report: { run: ReportRun<T>; description: string; response: z.ZodType<T> }): void {
  app.get(`/api/v1/analytics/${name}`, {
    config: { access: 'analytics.read' },
    schema: { tags: ['analytics'], description: `${report.description} With \`Accept: text/csv\`, \`rows\` as CSV.`, querystring: rangeQuery, response: { 200: report.response as z.ZodType } },
  }, async (request, reply) => {
    const result = await report.run(deps, requirePrincipal(request).workspaceId, request.query);
    if (!wantsCsv(request.headers.accept)) return result;
    // A string is sent as it is: the JSON response schema does not apply to the CSV.
    return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${name}.csv"`).send(toCsv(result.rows) as never);
  });
}

/** GET /api/v1/analytics/<report>: JSON, or the report's rows as CSV with `Accept: text/csv`. Content-free: ids, counts, times, member names. */
export function registerAnalyticsRoutes(app: AppInstance, deps: AnalyticsDeps): void {
  registerErrorStatuses(app, analyticsErrorStatuses);
  registerReport(app, deps, 'overview', reports.overview);
  registerReport(app, deps, 'conversations', reports.conversations);
  registerReport(app, deps, 'agents', reports.agents);
  registerReport(app, deps, 'templates', reports.templates);
  registerReport(app, deps, 'campaigns', reports.campaigns);
  registerReport(app, deps, 'costs', reports.costs);
}
