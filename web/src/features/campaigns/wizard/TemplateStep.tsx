import { useState, type FormEvent } from 'react';
import { useResource } from '../../../dashboard/useResource';
import { FormAlert } from '../../../ui/FormAlert';
import { ResourceState } from '../../../ui/ResourceState';
import { SelectField } from '../../../ui/SelectField';
import { TextField } from '../../../ui/TextField';
import type { ChannelList } from '../../settings/channels/channel';
import type { WizardState } from './draft';
import { StepHeading } from './StepHeading';
import { previewBody, slotLabel, slotsOf, type TemplateDefinition } from './templateVariables';

type Props = { state: WizardState; onChange: (patch: Partial<WizardState>) => void; onNext: (template: TemplateDefinition) => void };

const CONTACT_NAME = '{{contact.name}}';

// Step 1: the campaign's name, its channel (when there are several) and an approved template with its variables.
export function TemplateStep({ state, onChange, onNext }: Props) {
  const [templates, reloadTemplates] = useResource<{ data: TemplateDefinition[] }>('/templates?limit=200');
  const [channels] = useResource<ChannelList>('/channels');
  const [errors, setErrors] = useState<string[]>([]);
  const approved = templates.status === 'ready' ? templates.data.data.filter((t) => t.status === 'APPROVED') : [];
  const template = approved.find((t) => t.id === state.templateId);
  const slots = template ? slotsOf(template) : [];
  const channelList = channels.status === 'ready' ? channels.data.data : [];

  const next = (event: FormEvent) => {
    event.preventDefault();
    const problems: string[] = [];
    if (!state.name.trim()) problems.push('Give the campaign a name.');
    if (channelList.length > 1 && !state.channelId) problems.push('Choose the number to send from.');
    if (!template) problems.push('Choose an approved template.');
    for (const slot of slots) if (!state.values[slot.key]?.trim()) problems.push(`Fill in “${slotLabel(slot)}”.`);
    setErrors(problems);
    if (!problems.length && template) onNext(template);
  };

  return (
    <form className="form" noValidate onSubmit={next} aria-labelledby="wizard-step-title">
      <StepHeading>1. Template</StepHeading>
      {errors.length > 0 && <FormAlert>{errors.map((e) => <p key={e}>{e}</p>)}</FormAlert>}
      <TextField id="campaign-name" label="Campaign name" maxLength={200} autoComplete="off" value={state.name} onChange={(e) => onChange({ name: e.target.value })} />
      {channelList.length > 1 && (
        <SelectField id="campaign-channel" label="Send from" value={state.channelId} onChange={(e) => onChange({ channelId: e.target.value })}
          options={[{ value: '', label: 'Choose a number' }, ...channelList.map((c) => ({ value: c.id, label: `${c.displayPhoneNumber}${c.sandbox ? ' (sandbox)' : ''}` }))]} />
      )}
      <ResourceState resource={templates} what="the templates" onRetry={reloadTemplates}>
        {() => approved.length === 0 ? (
          <p>No approved template yet. Create one under Templates; Meta reviews it before it can be sent.</p>
        ) : (
          <SelectField id="campaign-template" label="Approved template" value={state.templateId} onChange={(e) => onChange({ templateId: e.target.value, values: {} })}
            options={[{ value: '', label: 'Choose a template' }, ...approved.map((t) => ({ value: t.id, label: `${t.name} (${t.language}, ${(t.category ?? '').toLowerCase()})` }))]} />
        )}
      </ResourceState>
      {template && slots.length > 0 && (
        <fieldset className="campaign-variables">
          <legend>Variables</legend>
          <p className="field-hint">Type a value for everyone, or use <code>{CONTACT_NAME}</code> or <code>{'{{contact.attributes.city}}'}</code> (any attribute key) to fill it per contact.</p>
          {slots.map((slot) => (
            <div key={slot.key} className="campaign-variable">
              <TextField id={`var-${slot.key}`} label={slotLabel(slot)} value={state.values[slot.key] ?? ''} autoComplete="off" type={slot.kind === 'text' ? 'text' : 'url'}
                onChange={(e) => onChange({ values: { ...state.values, [slot.key]: e.target.value } })} />
              {slot.kind === 'text' && (
                <button type="button" className="button button-quiet" onClick={() => onChange({ values: { ...state.values, [slot.key]: CONTACT_NAME } })}>
                  Use the contact’s name<span className="visually-hidden"> for {slotLabel(slot)}</span>
                </button>
              )}
            </div>
          ))}
        </fieldset>
      )}
      {template && (
        <div className="campaign-preview" aria-label="Message preview" role="group">
          <p className="field-hint">Preview</p>
          <p className="campaign-bubble">{previewBody(template, state.values)}</p>
        </div>
      )}
      <div className="actions"><button type="submit" className="button button-primary">Next: audience</button></div>
    </form>
  );
}
