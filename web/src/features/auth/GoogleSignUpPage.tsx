import { useEffect, useState, type FormEvent } from 'react';
import { ApiError, apiRequest } from '../../app/api';
import { useNavigate } from 'react-router';
import { Link } from '../../app/navigation';
import { usePageTitle } from '../../app/usePageTitle';
import { LAST_UPDATED } from '../../pages/PrivacyPage';
import { FormAlert } from '../../ui/FormAlert';
import { TextField } from '../../ui/TextField';
import { useFormRefusal } from '../../ui/useFormRefusal';
import { googlePending, type GooglePending } from './googleApi';

type Errors = { workspaceName?: string; ageConfirmed?: string; form?: string };

// /signup/google: the last step of a sign-up through Google. Google told us who you are; the 18+
// confirmation and a workspace name are still asked, as on the ordinary sign-up.
export function GoogleSignUpPage() {
  const navigate = useNavigate();
  usePageTitle('Create your account with Google');
  const [pending, setPending] = useState<GooglePending | null | 'none'>(null);
  const [workspaceName, setWorkspaceName] = useState('');
  const [ageConfirmed, setAgeConfirmed] = useState(false);
  const { formRef, refusal: errors, submitting, setSubmitting, refuse } = useFormRefusal<Errors>({});
  useEffect(() => {
    void googlePending().then((p) => setPending(p.kind === 'signup' ? p : 'none'), () => setPending('none'));
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (submitting) return;
    const invalid: Errors = {};
    if (!workspaceName.trim()) invalid.workspaceName = 'Enter a name for your workspace, such as your business.';
    if (!ageConfirmed) invalid.ageConfirmed = 'You must be 18 or older to create an account. Tick the box to confirm.';
    if (invalid.workspaceName || invalid.ageConfirmed) return refuse(invalid);
    setSubmitting(true);
    try {
      await apiRequest('/auth/google/signup', { method: 'POST', body: { workspaceName: workspaceName.trim(), ageConfirmed, policyVersion: LAST_UPDATED } });
      navigate('/app');
    } catch (error) {
      setSubmitting(false);
      refuse(error instanceof ApiError && error.code === 'age_confirmation_required' ? { ageConfirmed: error.message } : { form: error instanceof Error ? error.message : 'Something went wrong. Please try again.' });
    }
  };

  if (pending === null) return <p className="page-status" role="status">Loading…</p>;
  if (pending === 'none') {
    return (
      <section className="form-page" aria-labelledby="google-signup-title">
        <h1 id="google-signup-title">Create your account with Google</h1>
        <p>No Google sign-in is waiting to be completed (it may have expired). <Link to="/signup">Start again</Link>.</p>
      </section>
    );
  }
  return (
    <section className="form-page" aria-labelledby="google-signup-title">
      <h1 id="google-signup-title">Create your account with Google</h1>
      <p>You are signing up as <strong><bdi>{pending.name}</bdi></strong> ({pending.email}), as your Google account says.</p>
      {errors.form && <FormAlert><p>{errors.form}</p></FormAlert>}
      <form ref={formRef} className="form" noValidate onSubmit={(event) => void submit(event)}>
        <TextField id="workspaceName" label="Workspace name" hint="Usually your business or team name. You can invite colleagues later." autoComplete="organization" required value={workspaceName} error={errors.workspaceName} onChange={(e) => setWorkspaceName(e.target.value)} />
        <div className="field field-checkbox">
          <input id="ageConfirmed" type="checkbox" required checked={ageConfirmed} aria-invalid={errors.ageConfirmed ? true : undefined} aria-describedby={errors.ageConfirmed ? 'ageConfirmed-error' : undefined} onChange={(e) => setAgeConfirmed(e.target.checked)} />
          <label htmlFor="ageConfirmed">I confirm I am 18 years or older</label>
          {errors.ageConfirmed && <p id="ageConfirmed-error" className="field-error">{errors.ageConfirmed}</p>}
        </div>
        <p className="form-note">We handle your account details as our <Link to="/privacy">privacy policy</Link> (updated {LAST_UPDATED}) describes, including <Link to="/privacy#google">how we use Google data</Link>.</p>
        <button type="submit" className="button button-primary" aria-disabled={submitting}>{submitting ? 'Creating your account…' : 'Create account'}</button>
      </form>
    </section>
  );
}
