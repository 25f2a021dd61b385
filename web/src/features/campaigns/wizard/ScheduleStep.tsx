import { useState, type FormEvent } from 'react';
import { FormAlert } from '../../../ui/FormAlert';
import { TextField } from '../../../ui/TextField';
import type { WizardState } from './draft';
import { StepHeading } from './StepHeading';

type Props = { state: WizardState; busy: boolean; onChange: (schedule: WizardState['schedule']) => void; onBack: () => void; onNext: () => void };

const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;

// Step 3: now, or at a date and time in the browser's time zone.
export function ScheduleStep({ state, busy, onChange, onBack, onNext }: Props) {
  const schedule = state.schedule;
  const [error, setError] = useState<string | null>(null);
  const next = (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const at = schedule.at ? new Date(schedule.at) : null;
    const problem = schedule.mode === 'later' && (!at || Number.isNaN(at.getTime()) || at.getTime() <= Date.now()) ? 'Choose a date and time in the future.' : null;
    setError(problem);
    if (!problem) onNext();
  };
  return (
    <form className="form" noValidate onSubmit={next} aria-labelledby="wizard-step-title">
      <StepHeading>3. Schedule</StepHeading>
      {error && <FormAlert><p>{error}</p></FormAlert>}
      <fieldset className="campaign-choice">
        <legend>When to send</legend>
        <label className="field-checkbox field">
          <input type="radio" name="schedule-mode" checked={schedule.mode === 'now'} onChange={() => onChange({ ...schedule, mode: 'now' })} />
          <span>As soon as it is started</span>
        </label>
        <label className="field-checkbox field">
          <input type="radio" name="schedule-mode" checked={schedule.mode === 'later'} onChange={() => onChange({ ...schedule, mode: 'later' })} />
          <span>At a date and time</span>
        </label>
      </fieldset>
      {schedule.mode === 'later' && (
        <TextField id="schedule-at" label="Send at" type="datetime-local" hint={`In your time zone (${zone}).`} value={schedule.at} onChange={(e) => onChange({ ...schedule, at: e.target.value })} />
      )}
      <p className="field-hint">The next step prepares a draft: the server counts the recipients and estimates the cost before anything is sent.</p>
      <div className="actions">
        <button type="button" className="button" onClick={onBack}>Back</button>
        <button type="submit" className="button button-primary" aria-disabled={busy}>{busy ? 'Preparing…' : 'Next: review'}</button>
      </div>
    </form>
  );
}
