import { useId, useState } from 'react';
import { useApi } from '../../../dashboard/useApi';
import { useResource } from '../../../dashboard/useResource';
import { ConfirmAction } from '../../../ui/ConfirmAction';
import { ResourceState } from '../../../ui/ResourceState';
import type { KeywordReply, KeywordReplyList } from './automation';
import { KeywordReplyForm } from './KeywordReplyForm';

const PATH = '/automations/keyword-replies';

export function KeywordReplies() {
  const api = useApi();
  const [replies, reload] = useResource<KeywordReplyList>(`${PATH}?limit=200`);
  return (
    <section aria-labelledby="keyword-replies-title">
      <h2 id="keyword-replies-title">Keyword replies</h2>
      <p>An automatic answer to a customer message that matches a keyword, sent within the 24-hour window the message opened.</p>
      <details className="advanced">
        <summary>Add a keyword reply</summary>
        <KeywordReplyForm submitLabel="Add keyword reply" onSubmit={async (input) => { await api(PATH, 'POST', input); reload(); }} />
      </details>
      <ResourceState resource={replies} what="the keyword replies" onRetry={reload}>
        {({ data }) => data.length === 0 ? <p>No keyword replies yet.</p> : (
          <ul className="item-list">{data.map((r) => <KeywordReplyRow key={r.id} reply={r} onChanged={reload} />)}</ul>
        )}
      </ResourceState>
    </section>
  );
}

function KeywordReplyRow({ reply, onChanged }: { reply: KeywordReply; onChanged: () => void }) {
  const api = useApi();
  const titleId = useId();
  const [editing, setEditing] = useState(false);
  const path = `${PATH}/${encodeURIComponent(reply.id)}`;
  const name = reply.keywords.join(', ');
  return (
    <li className="card item" aria-labelledby={titleId}>
      <h3 id={titleId}><bdi>{name}</bdi><span className={`badge ${reply.enabled ? 'badge-enabled' : 'badge-revoked'}`}>{reply.enabled ? 'Enabled' : 'Disabled'}</span></h3>
      {editing ? (
        <KeywordReplyForm initial={reply} submitLabel="Save keyword reply" onCancel={() => setEditing(false)}
          onSubmit={async (input) => { await api(path, 'PATCH', input); setEditing(false); onChanged(); }} />
      ) : (
        <>
          <dl className="details">
            <dt>Matches</dt><dd>{reply.matchType === 'exact' ? 'the whole message' : 'messages containing it'}</dd>
            <dt>Reply</dt><dd className="keyword-reply-text">{reply.replyText}</dd>
          </dl>
          <div className="item-actions">
            <button type="button" className="button" onClick={() => setEditing(true)}>Edit<span className="visually-hidden"> {name}</span></button>
            <ConfirmAction trigger={<>Delete<span className="visually-hidden"> {name}</span></>} title={`Delete the reply to “${name}”?`} confirmLabel="Delete keyword reply"
              action={async () => { await api(path, 'DELETE'); onChanged(); }}>
              <p>Customers who write these keywords no longer get this answer.</p>
            </ConfirmAction>
          </div>
        </>
      )}
    </li>
  );
}
