import { useState, type FormEvent } from 'react';
import { useApi } from '../../../dashboard/useApi';
import { ApiError } from '../../../app/api';
import { FormAlert } from '../../../ui/FormAlert';
import { changedKeys, type WorkspaceSettings } from './automation';
import { AutoMessageField } from './AutoMessageField';
import { BusinessHoursEditor } from './BusinessHoursEditor';

type Issues = Record<string, string>;

// The issue paths of a 422 ("welcomeMessage.text", "businessHours.days.mon.0.close") grouped by top-level key.
function issuesOf(error: unknown): { byKey: Issues; form: string[] } {
  if (!(error instanceof ApiError)) return { byKey: {}, form: ['Something went wrong. Please try again.'] };
  if (error.code !== 'validation_failed' || !error.details?.issues?.length) return { byKey: {}, form: [error.message] };
  const byKey: Issues = {};
  for (const issue of error.details.issues) {
    const [key, ...rest] = String(issue.path).replace(/^\/|^body\./, '').split(/[./]/);
    byKey[key ?? ''] ??= rest.length > 2 ? `${rest.join(' ')}: ${issue.message}` : issue.message;
  }
  return { byKey, form: [] };
}

export function WorkspaceSettingsForm({ initial }: { initial: WorkspaceSettings }) {
  const api = useApi();
  const [saved, setSaved] = useState(initial);
  const [draft, setDraft] = useState(initial);
  const [issues, setIssues] = useState<{ byKey: Issues; form: string[] }>({ byKey: {}, form: [] });
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof WorkspaceSettings>(key: K, value: WorkspaceSettings[K]) => setDraft((d) => ({ ...d, [key]: value }));

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const patch = changedKeys(saved, draft);
    if (!Object.keys(patch).length) return setStatus('Nothing to save: no setting changed.');
    setBusy(true);
    setStatus('');
    try {
      const next = await api<WorkspaceSettings>('/settings', 'PATCH', patch);
      setSaved(next);
      setDraft(next);
      setIssues({ byKey: {}, form: [] });
      setStatus('Settings saved.');
    } catch (error) {
      setIssues(issuesOf(error));
    } finally {
      setBusy(false);
    }
  };

  const { byKey } = issues;
  const all = [...issues.form, ...Object.entries(byKey).map(([k, m]) => `${k}: ${m}`)];
  return (
    <section aria-labelledby="workspace-settings-title">
      <h2 id="workspace-settings-title">Workspace settings</h2>
      {all.length > 0 && <FormAlert>{all.map((m) => <p key={m}>{m}</p>)}</FormAlert>}
      <form className="form" noValidate onSubmit={(e) => void save(e)}>
        <fieldset className="automation-group">
          <legend>Inbox</legend>
          <label className="field field-checkbox">
            <input type="checkbox" checked={draft.markReadOnOpen} onChange={(e) => set('markReadOnOpen', e.target.checked)} />
            <span>Mark messages as read (blue ticks) when an agent opens the conversation</span>
          </label>
          <label className="field field-checkbox">
            <input type="checkbox" checked={draft.agentsSeeOnlyAssigned} onChange={(e) => set('agentsSeeOnlyAssigned', e.target.checked)} />
            <span>Agents see only the conversations assigned to them</span>
          </label>
        </fieldset>
        <AutoMessageField legend="Opt-out confirmation" hint="Sent once when a customer opts out of marketing (STOP and its equivalents)." value={draft.optOutConfirmation} error={byKey.optOutConfirmation} onChange={(v) => set('optOutConfirmation', v)} />
        <AutoMessageField legend="Welcome message" hint="Sent to a customer’s first message." value={draft.welcomeMessage} error={byKey.welcomeMessage} onChange={(v) => set('welcomeMessage', v)} />
        <AutoMessageField legend="Away message" hint="Sent to customers who write outside business hours." value={draft.awayMessage} error={byKey.awayMessage} onChange={(v) => set('awayMessage', v)} />
        <BusinessHoursEditor value={draft.businessHours} error={byKey.businessHours} onChange={(v) => set('businessHours', v)} />
        <div className="actions">
          <button type="submit" className="button button-primary" aria-disabled={busy}>{busy ? 'Saving…' : 'Save settings'}</button>
          <p className="success" role="status">{status}</p>
        </div>
      </form>
    </section>
  );
}
