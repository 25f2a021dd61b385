import { useEffect, useState } from 'react';
import { Link } from '../../app/navigation';
import { useAuth } from '../../app/auth';
import { can } from '../../app/permissions';
import { usePageTitle } from '../../app/usePageTitle';
import { useResource } from '../../dashboard/useResource';
import { formatDateTime } from '../../ui/formatDate';
import { ResourceState } from '../../ui/ResourceState';
import { describeReason, formatMoney, processed, STATUS_LABELS, type Campaign } from './campaign';
import { CampaignControls } from './CampaignControls';
import { CampaignProgress, FunnelCounts } from './Funnel';

// One campaign: its live funnel and cost, and the controls, refetched as the live events report progress
// (dashboard/liveInvalidation.ts).
export function CampaignDetail({ id }: { id: string }) {
  const { me } = useAuth();
  const [resource, reload] = useResource<Campaign>(`/campaigns/${encodeURIComponent(id)}`);
  const [latest, setLatest] = useState<Campaign | null>(null);
  useEffect(() => setLatest(resource.status === 'ready' ? resource.data : null), [resource]);
  usePageTitle(latest ? `Campaign ${latest.name}` : 'Campaign');

  return (
    <>
      <p><Link to="/app/campaigns">← All campaigns</Link></p>
      <ResourceState resource={resource} what="the campaign" onRetry={reload}>
        {(loaded) => {
          const c = latest ?? loaded;
          return (
            <>
              <h1><bdi>{c.name}</bdi> <span className={`badge campaign-status status-${c.status}`}>{STATUS_LABELS[c.status]}</span></h1>
              <dl className="details">
                <dt>Template</dt><dd>{c.template.name} ({c.template.language}, {c.category.toLowerCase()})</dd>
                <dt>Created</dt><dd>{formatDateTime(c.createdAt)}</dd>
                {c.scheduledAt && <><dt>Scheduled for</dt><dd>{formatDateTime(c.scheduledAt)}</dd></>}
                {c.status === 'paused' && c.pausedReason && <><dt>Paused because</dt><dd>{describeReason(c.pausedReason)}</dd></>}
              </dl>
              {can(me, 'campaigns.manage') && <CampaignControls campaign={c} onChanged={setLatest} />}
              <section aria-labelledby="funnel-title">
                <h2 id="funnel-title">Funnel</h2>
                <CampaignProgress funnel={c.funnel} label="Campaign progress" />
                <p className="visually-hidden" aria-live="polite">{STATUS_LABELS[c.status]}: {processed(c.funnel)} of {c.funnel.total} done, {c.funnel.sent} sent, {c.funnel.delivered} delivered, {c.funnel.failed} failed.</p>
                <FunnelCounts funnel={c.funnel} />
              </section>
              <section aria-labelledby="cost-title">
                <h2 id="cost-title">Cost</h2>
                <dl className="details">
                  <dt>Estimated</dt><dd data-testid="cost-estimate">{formatMoney(c.cost.estimate, c.cost.currency)}</dd>
                  <dt>Actual so far</dt><dd data-testid="cost-actual">{formatMoney(c.cost.actual, c.cost.currency)}</dd>
                </dl>
                <p className="field-hint">Actual counts the messages Meta reported as billable.</p>
              </section>
            </>
          );
        }}
      </ResourceState>
    </>
  );
}
