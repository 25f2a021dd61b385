import { useApi } from '../../../dashboard/useApi';
import { ConfirmAction } from '../../../ui/ConfirmAction';
import { formatDateTime } from '../../../ui/formatDate';
import type { ApiKey } from './apiKey';

export function ApiKeyRow({ apiKey, onRevoked }: { apiKey: ApiKey; onRevoked: () => void }) {
  const api = useApi();
  const titleId = `key-${apiKey.id}-name`;
  return (
    <li className="card item" aria-labelledby={titleId}>
      <h3 id={titleId}><bdi>{apiKey.name}</bdi>{apiKey.revokedAt && <span className="badge badge-revoked">Revoked</span>}</h3>
      <dl className="details">
        <dt>Role</dt><dd>{apiKey.role}</dd>
        <dt>Starts with</dt><dd><code>{apiKey.prefix}</code></dd>
        <dt>Created</dt><dd>{formatDateTime(apiKey.createdAt)}</dd>
        <dt>Last used</dt><dd>{apiKey.lastUsedAt ? formatDateTime(apiKey.lastUsedAt) : 'Never'}</dd>
        {apiKey.revokedAt && <><dt>Revoked</dt><dd>{formatDateTime(apiKey.revokedAt)}</dd></>}
      </dl>
      {!apiKey.revokedAt && (
        <div className="item-actions">
          <ConfirmAction
            trigger={<>Revoke<span className="visually-hidden"> {apiKey.name}</span></>}
            title={`Revoke the key “${apiKey.name}”?`}
            confirmLabel="Revoke key"
            action={async () => {
              await api(`/api-keys/${encodeURIComponent(apiKey.id)}`, 'DELETE');
              onRevoked();
            }}
          >
            <p>Anything still using it is refused from now on. This cannot be undone; create a new key if needed.</p>
          </ConfirmAction>
        </div>
      )}
    </li>
  );
}
