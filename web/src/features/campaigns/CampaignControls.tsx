import { useAction } from '../../dashboard/useAction';
import { useApi } from '../../dashboard/useApi';
import { ConfirmAction } from '../../ui/ConfirmAction';
import type { Campaign } from './campaign';

type Action = 'start' | 'pause' | 'resume';

const LABELS: Record<Action, string> = { start: 'Start', pause: 'Pause', resume: 'Resume' };

// The actions the campaign's state allows (the server's control-campaign.ts); cancelling asks first.
export function CampaignControls({ campaign, onChanged }: { campaign: Campaign; onChanged: (c: Campaign) => void }) {
  const api = useApi();
  const { busy, error, run } = useAction();
  const path = (action: string) => `/campaigns/${encodeURIComponent(campaign.id)}/${action}`;
  const s = campaign.status;
  const actions: Action[] = [...(s === 'draft' ? ['start' as const] : []), ...(s === 'running' || s === 'scheduled' ? ['pause' as const] : []), ...(s === 'paused' ? ['resume' as const] : [])];
  const cancellable = s === 'draft' || s === 'scheduled' || s === 'running' || s === 'paused';

  const act = (action: Action) => run(async () => onChanged(await api<Campaign>(path(action), 'POST')));

  if (!actions.length && !cancellable) return null;
  return (
    <div className="item-actions">
      {actions.map((action) => (
        <button key={action} type="button" className="button button-primary" aria-disabled={busy} onClick={() => void act(action)}>{LABELS[action]}<span className="visually-hidden"> the campaign</span></button>
      ))}
      {cancellable && (
        <ConfirmAction trigger={<>Cancel<span className="visually-hidden"> the campaign</span></>} title={`Cancel “${campaign.name}”?`} confirmLabel="Cancel campaign"
          action={async () => onChanged(await api<Campaign>(path('cancel'), 'POST'))}>
          <p>Nobody else receives it. Messages already sent stay sent. A cancelled campaign cannot be restarted.</p>
        </ConfirmAction>
      )}
      {error && <p className="inline-error" role="alert">{error}</p>}
    </div>
  );
}
