import { useRef, useState, type FormEvent } from 'react';
import { flushSync } from 'react-dom';
import { useAuth } from '../../../app/auth';
import { useNavigate } from 'react-router';
import { Link, useSearchParam } from '../../../app/navigation';
import { usePageTitle } from '../../../app/usePageTitle';
import { FormAlert } from '../../../ui/FormAlert';
import { uploadCsv } from './contactImport';
import { GoogleImportSection } from './GoogleImportSection';
import { ImportProgressView } from './ImportProgressView';

const EXAMPLE = `phone,name,tags,marketing_consent,city
+34600123456,Ana García,vip;newsletter,yes,Madrid
+442071838750,John Smith,,no,London`;

// The import's id is kept in the address, so a reload (or a link to a colleague) keeps following it.
export function ImportContactsPage() {
  const navigate = useNavigate();
  usePageTitle('Import contacts');
  const { me } = useAuth();
  const importId = useSearchParam('id');
  const formRef = useRef<HTMLFormElement>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (uploading) return;
    const file = fileRef.current?.files?.[0];
    setFormError(null);
    if (!file) {
      flushSync(() => setFileError('Choose a CSV file to import.'));
      return fileRef.current?.focus();
    }
    setFileError(null);
    setUploading(true);
    try {
      const id = await uploadCsv(file, me.csrfToken);
      formRef.current?.reset();
      navigate(`/app/contacts/import?id=${encodeURIComponent(id)}`);
    } catch (error) {
      setFormError(error instanceof Error ? error.message : 'Something went wrong. Please try again.');
    } finally {
      setUploading(false);
    }
  };

  return (
    <>
      <p className="breadcrumb"><Link to="/app/contacts">Contacts</Link></p>
      <h1>Import contacts</h1>
      {importId && <ImportProgressView key={importId} importId={importId} />}
      <GoogleImportSection />
      <section aria-labelledby="import-upload-title">
        <h2 id="import-upload-title">{importId ? 'Import another file' : 'Upload a CSV file'}</h2>
        <p>
          The first line names the columns: <code>phone</code> (required, with the country code), <code>name</code>,{' '}
          <code>tags</code> (separated by <code>;</code> or <code>|</code>) and <code>marketing_consent</code>{' '}
          (<code>yes</code>/<code>no</code>, <code>true</code>/<code>false</code> or <code>1</code>/<code>0</code>; empty leaves it unchanged). Any other column becomes an attribute.
          A contact whose number already exists is updated. UTF-8, at most 1 MB per file.
        </p>
        <p>Only mark marketing consent for customers who actually agreed: it is recorded in each contact’s consent history.</p>
        <details className="csv-example">
          <summary>Example file</summary>
          <pre>{EXAMPLE}</pre>
        </details>
        {formError && <FormAlert><p>{formError}</p></FormAlert>}
        <form ref={formRef} className="form import-form" noValidate onSubmit={(event) => void submit(event)}>
          <div className="field">
            <label htmlFor="import-file">CSV file</label>
            <input
              ref={fileRef}
              id="import-file"
              type="file"
              accept=".csv,text/csv"
              aria-invalid={fileError ? true : undefined}
              aria-describedby={fileError ? 'import-file-error' : undefined}
              onChange={() => setFileError(null)}
            />
            {fileError && <p id="import-file-error" className="field-error">{fileError}</p>}
          </div>
          <button type="submit" className="button button-primary" aria-disabled={uploading}>{uploading ? 'Uploading…' : 'Import contacts'}</button>
        </form>
      </section>
    </>
  );
}
