import { useId, useState } from 'react';
import { useAction } from '../../../dashboard/useAction';
import { useApi } from '../../../dashboard/useApi';
import { ConfirmAction } from '../../../ui/ConfirmAction';
import { formatDateTime } from '../../../ui/formatDate';
import { DeliveryLog } from './DeliveryLog';
import type { Subscription } from './webhook';

export function SubscriptionRow({ subscription: s, onChanged }: { subscription: Subscription; onChanged: () => void }) {
  const api = useApi();
  const titleId = useId();
  const logId = useId();
  const [showLog, setShowLog] = useState(false);
  const { busy, error, run } = useAction();
  const path = `/webhook-subscriptions/${encodeURIComponent(s.id)}`;

  // Re-enabling goes through /enable, which also clears the failure streak after an automatic disabling.
  const toggle = () => run(async () => {
    await (s.enabled ? api(path, 'PATCH', { enabled: false }) : api(`${path}/enable`, 'POST'));
    onChanged();
  });

  return (
    <li className="card item" aria-labelledby={titleId}>
      <h3 id={titleId}><bdi className="webhook-url">{s.url}</bdi><span className={`badge ${s.enabled ? 'badge-enabled' : 'badge-revoked'}`}>{s.enabled ? 'Enabled' : 'Disabled'}</span></h3>
      <dl className="details">
        <dt>Events</dt><dd>{s.events.map((e) => <code key={e} className="event-chip">{e}</code>)}</dd>
        <dt>Created</dt><dd>{formatDateTime(s.createdAt)}</dd>
        {s.consecutiveFailures > 0 && <><dt>Failures in a row</dt><dd>{s.consecutiveFailures}</dd></>}
        {!s.enabled && s.disabledReason && <><dt>Why disabled</dt><dd>{s.disabledReason}{s.disabledAt && ` (${formatDateTime(s.disabledAt)})`}</dd></>}
      </dl>
      <div className="item-actions">
        <button type="button" className="button" aria-expanded={showLog} aria-controls={logId} onClick={() => setShowLog((v) => !v)}>
          {showLog ? 'Hide deliveries' : 'Show deliveries'}<span className="visually-hidden"> of {s.url}</span>
        </button>
        <button type="button" className="button" aria-disabled={busy} onClick={() => void toggle()}>{s.enabled ? 'Disable' : 'Enable'}<span className="visually-hidden"> {s.url}</span></button>
        <ConfirmAction trigger={<>Delete<span className="visually-hidden"> {s.url}</span></>} title="Delete this endpoint?" confirmLabel="Delete endpoint"
          action={async () => { await api(path, 'DELETE'); onChanged(); }}>
          <p>Deliveries to <bdi>{s.url}</bdi> stop, and its signing secret is destroyed.</p>
        </ConfirmAction>
        {error && <p className="inline-error" role="alert">{error}</p>}
      </div>
      <div id={logId}>
        {showLog && (
          <section aria-label={`Deliveries to ${s.url}`}>
            <h4>Deliveries</h4>
            <DeliveryLog subscriptionId={s.id} />
          </section>
        )}
      </div>
    </li>
  );
}
