import { Link } from '../../app/navigation';
import { useAuth } from '../../app/auth';
import { can } from '../../app/permissions';
import { usePageTitle } from '../../app/usePageTitle';
import { useResource } from '../../dashboard/useResource';
import { formatDateTime } from '../../ui/formatDate';
import { ResourceState } from '../../ui/ResourceState';
import { STATUS_LABELS, type CampaignList as List } from './campaign';
import { CampaignProgress } from './Funnel';

export function CampaignList() {
  usePageTitle('Campaigns');
  const { me } = useAuth();
  const [campaigns, reload] = useResource<List>('/campaigns?limit=100');
  return (
    <>
      <h1>Campaigns</h1>
      <p>Send an approved template to contacts who opted in, now or on a schedule, and follow delivery, reads, replies and cost.</p>
      {can(me, 'campaigns.manage') && <p><Link to="/app/campaigns/new" className="button button-primary">New campaign</Link></p>}
      <section aria-labelledby="campaign-list-title">
        <h2 id="campaign-list-title">All campaigns</h2>
        <ResourceState resource={campaigns} what="the campaigns" onRetry={reload}>
          {({ data }) => data.length === 0 ? <p>No campaigns yet.</p> : (
            <ul className="item-list">
              {data.map((c) => (
                <li key={c.id} className="card item" aria-labelledby={`campaign-${c.id}`}>
                  <h3 id={`campaign-${c.id}`}><Link to={`/app/campaigns/${encodeURIComponent(c.id)}`}><bdi>{c.name}</bdi></Link><span className={`badge campaign-status status-${c.status}`}>{STATUS_LABELS[c.status]}</span></h3>
                  <CampaignProgress funnel={c.funnel} label={`Progress of ${c.name}`} />
                  <p className="muted">{c.funnel.sent} sent · {c.funnel.delivered} delivered · {c.funnel.read} read · {c.funnel.failed} failed · {c.funnel.skipped} skipped — created {formatDateTime(c.createdAt)}</p>
                </li>
              ))}
            </ul>
          )}
        </ResourceState>
      </section>
    </>
  );
}
