import { useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { answer } from '../../../app/apiClient';
import { isUnder } from '../../../app/queryClient';
import { usePageTitle } from '../../../app/usePageTitle';
import { useApiClient } from '../../../dashboard/useApiClient';
import { useResource } from '../../../dashboard/useResource';
import { ConfirmAction } from '../../../ui/ConfirmAction';
import { ResourceState } from '../../../ui/ResourceState';
import { LABELS_PATH, type Label, type LabelInput } from './label';
import { LabelForm } from './LabelForm';

// Labels sort conversations ("VIP", "Wholesale"); the inbox offers them on every conversation.
export function LabelsSettings() {
  usePageTitle('Labels');
  const client = useApiClient();
  const [labels, reload] = useResource<{ data: Label[] }>(LABELS_PATH);
  const changed = useLabelsChanged();
  const create = async (body: LabelInput) => {
    await answer(client.POST('/api/v1/labels', { body }));
    changed();
  };
  return (
    <section aria-labelledby="labels-title">
      <h1 id="labels-title">Labels</h1>
      <p>Labels sort conversations, for example “VIP” or “Wholesale”. Your team puts them on conversations in the inbox.</p>
      <h2>New label</h2>
      <LabelForm submitLabel="Add label" onSubmit={create} />
      <h2>Your labels</h2>
      <ResourceState resource={labels} what="the labels" onRetry={reload}>
        {({ data }) => data.length === 0 ? <p>No labels yet.</p> : (
          <ul className="item-list">{data.map((label) => <LabelRow key={label.id} label={label} />)}</ul>
        )}
      </ResourceState>
    </section>
  );
}

function LabelRow({ label }: { label: Label }) {
  const client = useApiClient();
  const changed = useLabelsChanged();
  const titleId = useId();
  const [editing, setEditing] = useState(false);
  const params = { path: { id: label.id } };
  return (
    <li className="card item" aria-labelledby={titleId}>
      <h3 id={titleId}><span className="label-swatch" style={{ background: label.color }} aria-hidden="true" /> <bdi>{label.name}</bdi></h3>
      {editing ? (
        <LabelForm initial={{ name: label.name, color: label.color }} submitLabel="Save label" onCancel={() => setEditing(false)}
          onSubmit={async (body) => { await answer(client.PATCH('/api/v1/labels/{id}', { params, body })); setEditing(false); changed(); }} />
      ) : (
        <div className="item-actions">
          <button type="button" className="button" onClick={() => setEditing(true)}>Rename or recolour<span className="visually-hidden"> {label.name}</span></button>
          <ConfirmAction trigger={<>Delete<span className="visually-hidden"> {label.name}</span></>} title={`Delete the label “${label.name}”?`} confirmLabel="Delete label"
            action={async () => { await answer(client.DELETE('/api/v1/labels/{id}', { params })); changed(); }}>
            <p>It is taken off every conversation that has it.</p>
          </ConfirmAction>
        </div>
      )}
    </li>
  );
}

// Labels show in settings, the inbox's filter and every conversation: all of them refetch.
function useLabelsChanged(): () => void {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ predicate: ({ queryKey }) => isUnder(queryKey, '/labels') || isUnder(queryKey, '/conversations') });
}
