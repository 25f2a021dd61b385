import { useEffect, useRef, useState, type FormEvent } from 'react';
import { flushSync } from 'react-dom';
import { ApiError, apiRequest } from '../../app/api';
import { useNavigate } from 'react-router';
import { Link } from '../../app/navigation';
import { usePageTitle } from '../../app/usePageTitle';
import { FormAlert } from '../../ui/FormAlert';
import { TextField } from '../../ui/TextField';
import { focusFirstInvalid } from '../../ui/focusFirstInvalid';
import { googlePending, type GooglePending } from './googleApi';

// /login/google: Google signed someone in with the email of an existing account but has not verified
// that email, so the account's password must prove it is theirs before the two are linked.
export function GoogleLinkPage() {
  const navigate = useNavigate();
  usePageTitle('Link your Google account');
  const formRef = useRef<HTMLFormElement>(null);
  const [pending, setPending] = useState<GooglePending | null | 'none'>(null);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<{ field?: string; form?: string }>({});
  const [submitting, setSubmitting] = useState(false);
  useEffect(() => {
    void googlePending().then((p) => setPending(p.kind === 'link' ? p : 'none'), () => setPending('none'));
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (submitting) return;
    if (!password) {
      flushSync(() => setError({ field: 'Enter the password of your WhatGrowPro account.' }));
      return focusFirstInvalid(formRef.current);
    }
    setSubmitting(true);
    try {
      await apiRequest('/auth/google/link', { method: 'POST', body: { password } });
      navigate('/app');
    } catch (refusal) {
      setSubmitting(false);
      const wrong = refusal instanceof ApiError && refusal.code === 'invalid_credentials';
      setError(wrong ? { field: 'That password is not right.' } : { form: refusal instanceof Error ? refusal.message : 'Something went wrong.' });
    }
  };

  if (pending === null) return <p className="page-status" role="status">Loading…</p>;
  if (pending === 'none') {
    return (
      <section className="form-page" aria-labelledby="google-link-title">
        <h1 id="google-link-title">Link your Google account</h1>
        <p>No Google sign-in is waiting to be linked (it may have expired). <Link to="/login">Log in</Link>.</p>
      </section>
    );
  }
  return (
    <section className="form-page" aria-labelledby="google-link-title">
      <h1 id="google-link-title">Link your Google account</h1>
      <p>
        An account with <strong>{pending.email}</strong> already exists. Google has not verified that this email address
        belongs to the Google account you chose, so enter the account’s password to link them. After that, Sign in with
        Google works on its own.
      </p>
      {error.form && <FormAlert><p>{error.form}</p></FormAlert>}
      <form ref={formRef} className="form" noValidate onSubmit={(event) => void submit(event)}>
        <TextField id="password" label="Password" type="password" autoComplete="current-password" required value={password} error={error.field} onChange={(e) => setPassword(e.target.value)} />
        <button type="submit" className="button button-primary" aria-disabled={submitting}>{submitting ? 'Linking…' : 'Link and log in'}</button>
      </form>
    </section>
  );
}
