import { useState } from 'react';
import { useNavigate } from 'react-router';
import { usePageTitle } from '../../../app/usePageTitle';
import { useApi } from '../../../dashboard/useApi';
import { FormAlert } from '../../../ui/FormAlert';
import type { Campaign } from '../campaign';
import { AudienceStep } from './AudienceStep';
import { audienceBody, initialState, scheduledAtOf, type WizardState } from './draft';
import { ReviewStep } from './ReviewStep';
import { ScheduleStep } from './ScheduleStep';
import { TemplateStep } from './TemplateStep';
import { sendComponents, slotsOf, type TemplateDefinition } from './templateVariables';

const STEPS = ['Template', 'Audience', 'Schedule', 'Review'] as const;

// Template → audience → schedule → review. Going to the review creates a draft, because the recipient
// count and the cost estimate come from the server; going back from it cancels that draft.
export function NewCampaignWizard() {
  const navigate = useNavigate();
  usePageTitle('New campaign');
  const api = useApi();
  const [step, setStep] = useState(0);
  const [state, setState] = useState<WizardState>(initialState);
  const [template, setTemplate] = useState<TemplateDefinition | null>(null);
  const [draft, setDraft] = useState<Campaign | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const patch = (p: Partial<WizardState>) => setState((s) => ({ ...s, ...p }));

  const createDraft = async () => {
    if (!template) return;
    setBusy(true);
    setError(null);
    try {
      const components = sendComponents(slotsOf(template), state.values);
      const scheduledAt = scheduledAtOf(state.schedule);
      const created = await api<Campaign>('/campaigns', 'POST', {
        name: state.name.trim(),
        ...(state.channelId ? { channelId: state.channelId } : {}),
        template: { name: template.name, language: template.language, ...(components.length ? { components } : {}) },
        audience: audienceBody(state.audience),
        ...(scheduledAt ? { scheduledAt } : {}),
      });
      setDraft(created);
      setStep(3);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : 'Could not prepare the campaign.');
    } finally {
      setBusy(false);
    }
  };

  const backFromReview = async () => {
    if (draft) await api(`/campaigns/${encodeURIComponent(draft.id)}/cancel`, 'POST').catch(() => undefined);
    setDraft(null);
    setStep(2);
  };

  return (
    <>
      <h1>New campaign</h1>
      <ol className="wizard-steps" aria-label="Steps">
        {STEPS.map((label, i) => <li key={label} aria-current={i === step ? 'step' : undefined} className={i < step ? 'done' : undefined}>{i + 1}. {label}</li>)}
      </ol>
      {error && <FormAlert><p>{error}</p></FormAlert>}
      {step === 0 && <TemplateStep state={state} onChange={patch} onNext={(t) => { setTemplate(t); setStep(1); }} />}
      {step === 1 && <AudienceStep state={state} marketing={(template?.category ?? '').toUpperCase() === 'MARKETING'} onChange={(audience) => patch({ audience })} onBack={() => setStep(0)} onNext={() => setStep(2)} />}
      {step === 2 && <ScheduleStep state={state} busy={busy} onChange={(schedule) => patch({ schedule })} onBack={() => setStep(1)} onNext={() => void createDraft()} />}
      {step === 3 && draft && <ReviewStep draft={draft} onBack={() => void backFromReview()} onStarted={(c) => navigate(`/app/campaigns/${encodeURIComponent(c.id)}`)} />}
    </>
  );
}
