import { useEffect, useState } from 'react';
import { apiRequest } from '../../../app/api';
import type { ApiResponse } from '../../../app/apiSchema';
import { useAuth } from '../../../app/auth';
import { useNavigate } from 'react-router';
import { useSearchParam } from '../../../app/navigation';
import { googleAvailable, googleErrorMessage } from '../../auth/googleApi';
import { FormAlert } from '../../../ui/FormAlert';

type Preview = ApiResponse<'/api/v1/google/contacts-previews/{id}'>;

// "Import from Google" on the import page: the browser goes to Google (read-only contacts, asked for
// now and only now) and comes back with ?googlePreview=<id>; the preview is confirmed or cancelled here.
export function GoogleImportSection() {
  const navigate = useNavigate();
  const { me } = useAuth();
  const previewId = useSearchParam('googlePreview');
  const error = googleErrorMessage(useSearchParam('googleError'));
  const [available, setAvailable] = useState(false);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => void googleAvailable().then(setAvailable), []);
  useEffect(() => {
    setPreview(null);
    if (previewId) void apiRequest<Preview>(`/google/contacts-previews/${encodeURIComponent(previewId)}`).then(setPreview, (e: Error) => setFailure(e.message));
  }, [previewId]);

  const act = async (run: () => Promise<void>) => {
    if (busy) return;
    setBusy(true);
    setFailure(null);
    try {
      await run();
    } catch (e) {
      setFailure(e instanceof Error ? e.message : 'Something went wrong.');
    } finally {
      setBusy(false);
    }
  };
  const start = () => act(async () => {
    const { authorizationUrl } = await apiRequest<{ authorizationUrl: string }>('/google/contacts-imports', { method: 'POST', csrfToken: me.csrfToken });
    window.location.assign(authorizationUrl);
  });
  const confirm = (id: string) => act(async () => {
    const { importId } = await apiRequest<{ importId: string }>(`/google/contacts-previews/${encodeURIComponent(id)}/import`, { method: 'POST', csrfToken: me.csrfToken });
    navigate(`/app/contacts/import?id=${encodeURIComponent(importId)}`);
  });
  const cancel = (id: string) => act(async () => {
    await apiRequest(`/google/contacts-previews/${encodeURIComponent(id)}`, { method: 'DELETE', csrfToken: me.csrfToken });
    navigate('/app/contacts/import');
  });

  if (!available && !error) return null;
  return (
    <section aria-labelledby="google-import-title">
      <h2 id="google-import-title">Import from Google Contacts</h2>
      {(failure || error) && <FormAlert><p>{failure ?? error}</p></FormAlert>}
      {preview ? (
        <>
          <p role="status">
            Read from Google: {preview.totalRows} phone numbers, {preview.validRows} ready to import
            {preview.withoutPhone ? `; ${preview.withoutPhone} contacts have no phone number and are left out` : ''}.
            Nothing is imported until you confirm; marketing consent is never set by an import.
          </p>
          {preview.sample.length > 0 && <p>First contacts: {preview.sample.slice(0, 5).map((s) => s.name ?? s.phone).join(', ')}…</p>}
          {preview.errorCount > 0 && (
            <details className="google-preview-errors">
              <summary>{preview.errorCount} numbers will not be imported</summary>
              <table className="data-table">
                <thead><tr><th scope="col">Line</th><th scope="col">Contact</th><th scope="col">Problem</th></tr></thead>
                <tbody>{preview.errors.map((e) => <tr key={`${e.line}-${e.code}`}><td>{e.line}</td><td><bdi>{e.name ?? '—'}</bdi></td><td>{e.message}</td></tr>)}</tbody>
              </table>
            </details>
          )}
          <button type="button" className="button button-primary" aria-disabled={busy} onClick={() => void confirm(preview.id)}>Import {preview.validRows} contacts</button>{' '}
          <button type="button" className="button" aria-disabled={busy} onClick={() => void cancel(preview.id)}>Cancel</button>
        </>
      ) : (
        <>
          <p>We ask Google for read-only access to your contacts, only now, and read their names and phone numbers once. You see a preview before anything is imported.</p>
          <button type="button" className="button" aria-disabled={busy} onClick={() => void start()}>{busy ? 'Going to Google…' : 'Import from Google'}</button>
        </>
      )}
    </section>
  );
}
