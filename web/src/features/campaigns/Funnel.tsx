import { describeReason, processed, type Funnel as FunnelCounts } from './campaign';

// The campaign's progress bar: recipients whose send is over (sent, failed or skipped) out of all.
export function CampaignProgress({ funnel, label }: { funnel: FunnelCounts; label: string }) {
  const done = processed(funnel);
  const percent = funnel.total ? Math.round((done / funnel.total) * 100) : 0;
  return (
    <div className="campaign-progress">
      <div role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={funnel.total} aria-valuenow={done} aria-valuetext={`${done} of ${funnel.total} recipients done (${percent}%)`} className="progress-track">
        <div className="progress-fill" style={{ width: `${percent}%` }} />
      </div>
      <span className="progress-text" aria-hidden="true">{done} / {funnel.total}</span>
    </div>
  );
}

const STAGES = [
  ['total', 'Recipients'],
  ['queued', 'Queued'],
  ['sent', 'Sent'],
  ['delivered', 'Delivered'],
  ['read', 'Read'],
  ['replied', 'Replied'],
  ['failed', 'Failed'],
  ['skipped', 'Skipped'],
] as const;

// Every count of the funnel, with the failures by error code and the skips by reason.
export function FunnelCounts({ funnel }: { funnel: FunnelCounts }) {
  const failures = Object.entries(funnel.failedByCode);
  const skips = Object.entries(funnel.skippedByReason);
  return (
    <>
      <dl className="funnel">
        {STAGES.map(([key, label]) => (
          <div key={key} className={`funnel-stage funnel-${key}${funnel[key] > 0 ? ' nonzero' : ''}`}>
            <dt>{label}</dt>
            <dd data-testid={`funnel-${key}`}>{funnel[key]}</dd>
          </div>
        ))}
      </dl>
      {failures.length > 0 && (
        <div>
          <h3>Failed by error code</h3>
          <ul>{failures.map(([code, n]) => <li key={code}><code>{code}</code>: {n}</li>)}</ul>
        </div>
      )}
      {skips.length > 0 && (
        <div>
          <h3>Skipped by reason</h3>
          <ul>{skips.map(([reason, n]) => <li key={reason}>{describeReason(reason)}: {n}</li>)}</ul>
        </div>
      )}
    </>
  );
}
