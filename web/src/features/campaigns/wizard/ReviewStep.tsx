import { useState } from 'react';
import { useApi } from '../../../dashboard/useApi';
import { FormAlert } from '../../../ui/FormAlert';
import { formatDateTime } from '../../../ui/formatDate';
import { describeReason, formatMoney, type Campaign } from '../campaign';
import { StepHeading } from './StepHeading';

type Props = { draft: Campaign; onBack: () => void; onStarted: (campaign: Campaign) => void };

// Step 4: the draft the server prepared (recipients counted, consent applied, cost estimated); start it
// or go back and change something.
export function ReviewStep({ draft, onBack, onStarted }: Props) {
  const api = useApi();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const eligible = draft.funnel.total - draft.funnel.skipped;
  const scheduled = draft.scheduledAt !== null && new Date(draft.scheduledAt).getTime() > Date.now();

  const start = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      onStarted(await api<Campaign>(`/campaigns/${encodeURIComponent(draft.id)}/start`, 'POST'));
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : 'Could not start the campaign.');
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="wizard-step-title">
      <StepHeading>4. Review</StepHeading>
      {error && <FormAlert><p>{error}</p></FormAlert>}
      <dl className="details">
        <dt>Campaign</dt><dd><bdi>{draft.name}</bdi></dd>
        <dt>Template</dt><dd>{draft.template.name} ({draft.template.language}, {draft.category.toLowerCase()})</dd>
        <dt>Sends</dt><dd>{scheduled ? `at ${formatDateTime(draft.scheduledAt!)}` : 'as soon as it is started'}</dd>
        <dt>Will receive it</dt><dd>{eligible} of {draft.funnel.total} contacts</dd>
        <dt>Estimated cost</dt><dd data-testid="cost-estimate">{formatMoney(draft.cost.estimate, draft.cost.currency)}</dd>
      </dl>
      <p className="field-hint">The estimate uses Meta’s per-message rates for each recipient’s country; the actual cost follows Meta’s pricing notices.</p>
      {draft.funnel.skipped > 0 && (
        <>
          <h3>Skipped</h3>
          <ul>{Object.entries(draft.funnel.skippedByReason).map(([reason, n]) => <li key={reason}>{n} with {describeReason(reason)}</li>)}</ul>
        </>
      )}
      <div className="actions">
        <button type="button" className="button" onClick={onBack}>Back</button>
        <button type="button" className="button button-primary" aria-disabled={busy || eligible === 0} disabled={eligible === 0} onClick={() => void start()}>
          {busy ? 'Starting…' : scheduled ? 'Schedule campaign' : 'Start campaign'}
        </button>
      </div>
      {eligible === 0 && <p>Nobody in this audience can receive it. Go back and choose another audience.</p>}
    </section>
  );
}
