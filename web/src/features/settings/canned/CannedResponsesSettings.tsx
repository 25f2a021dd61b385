import { useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { answer } from '../../../app/apiClient';
import { isUnder } from '../../../app/queryClient';
import { usePageTitle } from '../../../app/usePageTitle';
import { useApiClient } from '../../../dashboard/useApiClient';
import { useResource } from '../../../dashboard/useResource';
import { ConfirmAction } from '../../../ui/ConfirmAction';
import { ResourceState } from '../../../ui/ResourceState';
import { CANNED_RESPONSES_PATH, type CannedResponse, type CannedResponseInput } from './cannedResponse';
import { CannedResponseForm } from './CannedResponseForm';

// Answers the team sends often, inserted in a reply by typing "/" and the shortcut.
export function CannedResponsesSettings() {
  usePageTitle('Canned responses');
  const client = useApiClient();
  const [responses, reload] = useResource<{ data: CannedResponse[] }>(CANNED_RESPONSES_PATH);
  const changed = useCannedResponsesChanged();
  const create = async (body: CannedResponseInput) => {
    await answer(client.POST('/api/v1/canned-responses', { body }));
    changed();
  };
  return (
    <section aria-labelledby="canned-title">
      <h1 id="canned-title">Canned responses</h1>
      <p>Answers your team sends often. In a reply, type “/” and the shortcut to insert one.</p>
      <h2>New canned response</h2>
      <CannedResponseForm submitLabel="Add canned response" onSubmit={create} />
      <h2>Your canned responses</h2>
      <ResourceState resource={responses} what="the canned responses" onRetry={reload}>
        {({ data }) => data.length === 0 ? <p>No canned responses yet.</p> : (
          <ul className="item-list">{data.map((response) => <CannedResponseRow key={response.id} response={response} />)}</ul>
        )}
      </ResourceState>
    </section>
  );
}

function CannedResponseRow({ response }: { response: CannedResponse }) {
  const client = useApiClient();
  const changed = useCannedResponsesChanged();
  const titleId = useId();
  const [editing, setEditing] = useState(false);
  const params = { path: { id: response.id } };
  const name = `/${response.shortcut}`;
  return (
    <li className="card item" aria-labelledby={titleId}>
      <h3 id={titleId}><bdi>{name}</bdi></h3>
      {editing ? (
        <CannedResponseForm initial={response} submitLabel="Save canned response" onCancel={() => setEditing(false)}
          onSubmit={async (body) => { await answer(client.PATCH('/api/v1/canned-responses/{id}', { params, body })); setEditing(false); changed(); }} />
      ) : (
        <>
          <p className="canned-text">{response.text}</p>
          <div className="item-actions">
            <button type="button" className="button" onClick={() => setEditing(true)}>Edit<span className="visually-hidden"> {name}</span></button>
            <ConfirmAction trigger={<>Delete<span className="visually-hidden"> {name}</span></>} title={`Delete the canned response “${name}”?`} confirmLabel="Delete canned response"
              action={async () => { await answer(client.DELETE('/api/v1/canned-responses/{id}', { params })); changed(); }}>
              <p>Your team can no longer insert it in replies.</p>
            </ConfirmAction>
          </div>
        </>
      )}
    </li>
  );
}

function useCannedResponsesChanged(): () => void {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ predicate: ({ queryKey }) => isUnder(queryKey, '/canned-responses') });
}
