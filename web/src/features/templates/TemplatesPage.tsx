import { useState } from 'react';
import { useAuth } from '../../app/auth';
import { can } from '../../app/permissions';
import { usePageTitle } from '../../app/usePageTitle';
import { useEvents } from '../../dashboard/useEvents';
import { usePagedList } from '../../dashboard/usePagedList';
import { useResource } from '../../dashboard/useResource';
import { PagedListMore } from '../../ui/PagedListMore';
import { SelectField } from '../../ui/SelectField';
import { CreateTemplateForm } from './create/CreateTemplateForm';
import { SyncTemplatesButton } from './SyncTemplatesButton';
import { statusLabel, type Template } from './template';
import { TemplateTable } from './TemplateTable';
import './templates.css';

type Channel = { id: string; displayPhoneNumber: string };

export function TemplatesPage() {
  usePageTitle('Templates');
  const { me } = useAuth();
  const manage = can(me, 'templates.manage');
  const list = usePagedList<Template>('/templates', 100);
  const [channels] = useResource<{ data: Channel[] }>('/channels');
  const [chosen, setChosen] = useState('');
  const [announcement, setAnnouncement] = useState('');
  const several = channels.status === 'ready' && channels.data.data.length > 1 ? channels.data.data : null;
  // With one number the server picks it; with several, the reader says which account to use.
  const channelId = several ? chosen || several[0]!.id : undefined;

  // Meta's review (and quality or category changes) arrive by webhook; the list follows without a reload
  // (the live events invalidate it) and a status change is announced.
  useEvents(['template.status'], ({ data }) => {
    const known = list.items.find((t) => t.id === data.templateId);
    if (known && typeof data.status === 'string' && data.status !== 'updated') {
      setAnnouncement(`Template ${known.name} (${known.language}): ${statusLabel(data.status)}.`);
    }
  });

  return (
    <>
      <h1>Templates</h1>
      <p>Messages approved by WhatsApp in advance: the only messages you may send once a customer’s 24-hour reply window has closed, and the ones campaigns send.</p>
      {several && (
        <SelectField
          id="template-channel"
          label="WhatsApp number"
          hint="Templates belong to the WhatsApp Business Account of this number."
          options={several.map((c) => ({ value: c.id, label: c.displayPhoneNumber }))}
          value={channelId}
          onChange={(e) => setChosen(e.target.value)}
        />
      )}
      <section aria-labelledby="template-list-title">
        <h2 id="template-list-title">Your templates</h2>
        {manage && <SyncTemplatesButton channelId={channelId} onSynced={list.reload} />}
        <p role="status" className="template-announcement">{announcement}</p>
        {list.items.length > 0 && <TemplateTable templates={list.items} />}
        {list.status === 'loading' && list.items.length === 0 && <p role="status">Loading the templates…</p>}
        {list.status === 'ready' && list.items.length === 0 && <p>No templates yet. Create one above, or sync those already in your WhatsApp Business Account.</p>}
        <PagedListMore list={list} noun="templates" />
      </section>
      {manage && <CreateTemplateForm channelId={channelId} onCreated={list.reload} />}
    </>
  );
}
