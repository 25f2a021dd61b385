import { useState, type FormEvent } from 'react';
import { apiRequest } from '../app/api';
import { useNavigate } from 'react-router';
import { Link, useSearchParam } from '../app/navigation';
import { usePageTitle } from '../app/usePageTitle';
import { FormAlert } from '../ui/FormAlert';
import { GoogleSignInButton } from '../features/auth/GoogleSignInButton';
import { TextField } from '../ui/TextField';
import { useFormRefusal } from '../ui/useFormRefusal';
import {
  explainSignupRefusal,
  MIN_PASSWORD_LENGTH,
  validateSignup,
  type SignupErrors,
  type SignupRefusal,
  type SignupValues,
} from './signupForm';

const EMPTY: SignupValues = { email: '', password: '', name: '', workspaceName: '', ageConfirmed: false };
const NO_REFUSAL: SignupRefusal = { fields: {}, emailTaken: false, messages: [] };

export function SignupPage() {
  const navigate = useNavigate();
  usePageTitle('Create your account');
  const [values, setValues] = useState(EMPTY);
  const { formRef, refusal, setRefusal, submitting, setSubmitting, refuse } = useFormRefusal<SignupRefusal>(NO_REFUSAL);
  const errors: SignupErrors = refusal.fields;
  // An invitation link (/signup?invitation=…) joins its workspace once the account exists, or after login.
  const invitation = useSearchParam('invitation');
  const joinPath = invitation ? `/app/join?invitation=${encodeURIComponent(invitation)}` : null;
  const loginPath = joinPath ? `/login?next=${encodeURIComponent(joinPath)}` : '/login';

  // Fixing a field takes its error away at once (and the form's, which no longer applies).
  const set = <K extends keyof SignupValues>(field: K, value: SignupValues[K]) => {
    setValues((current) => ({ ...current, [field]: value }));
    setRefusal((current) => (current.fields[field] || current.messages.length || (field === 'email' && current.emailTaken)
      ? { fields: { ...current.fields, [field]: undefined }, emailTaken: field === 'email' ? false : current.emailTaken, messages: [] }
      : current));
  };


  const submit = async (event: FormEvent) => {
    event.preventDefault();
    // The button stays focusable while busy (a disabled one would drop keyboard focus), so guard here.
    if (submitting) return;
    const invalid = validateSignup(values);
    if (Object.keys(invalid).length > 0) return refuse({ ...NO_REFUSAL, fields: invalid });
    setSubmitting(true);
    try {
      await apiRequest('/auth/signup', {
        method: 'POST',
        body: { ...values, email: values.email.trim(), name: values.name.trim(), workspaceName: values.workspaceName.trim() },
      });
      navigate(joinPath ?? '/app');
    } catch (error) {
      setSubmitting(false);
      refuse(explainSignupRefusal(error));
    }
  };

  return (
    <section className="form-page" aria-labelledby="signup-title">
      <h1 id="signup-title">Create your account</h1>
      {invitation ? (
        <p className="invitation-note" role="note">
          You have been invited to join a workspace. Create your account with the email address the invitation was
          sent to, and you will be taken there. Already have an account? <Link to={loginPath}>Log in to accept</Link>.
        </p>
      ) : (
        <p>Create a workspace for your team. In sandbox mode it comes with simulated customers, so no Meta account is needed.</p>
      )}
      {!invitation && <GoogleSignInButton label="Sign up with Google" />}
      <p>All fields are required.</p>

      {(refusal.emailTaken || refusal.messages.length > 0) && (
        <FormAlert>
          {refusal.emailTaken && <p>An account with this email already exists. <Link to={loginPath}>Log in</Link> instead.</p>}
          {refusal.messages.map((message) => <p key={message}>{message}</p>)}
        </FormAlert>
      )}

      <form ref={formRef} className="form" noValidate onSubmit={(event) => void submit(event)}>
        <TextField
          id="name"
          label="Your name"
          autoComplete="name"
          required
          value={values.name}
          error={errors.name}
          onChange={(e) => set('name', e.target.value)}
        />
        <TextField
          id="email"
          label="Email"
          type="email"
          autoComplete="email"
          required
          value={values.email}
          error={errors.email}
          onChange={(e) => set('email', e.target.value)}
        />
        <TextField
          id="password"
          label="Password"
          type="password"
          autoComplete="new-password"
          required
          minLength={MIN_PASSWORD_LENGTH}
          hint={`At least ${MIN_PASSWORD_LENGTH} characters. A few unrelated words make a strong one.`}
          value={values.password}
          error={errors.password}
          onChange={(e) => set('password', e.target.value)}
        />
        <TextField
          id="workspaceName"
          label="Workspace name"
          hint={invitation ? 'A workspace of your own, besides the one you are joining.' : 'Usually your business or team name. You can invite colleagues later.'}
          autoComplete="organization"
          required
          value={values.workspaceName}
          error={errors.workspaceName}
          onChange={(e) => set('workspaceName', e.target.value)}
        />

        <div className="field field-checkbox">
          <input
            id="ageConfirmed"
            type="checkbox"
            required
            checked={values.ageConfirmed}
            aria-invalid={errors.ageConfirmed ? true : undefined}
            aria-describedby={errors.ageConfirmed ? 'ageConfirmed-error' : undefined}
            onChange={(e) => set('ageConfirmed', e.target.checked)}
          />
          <label htmlFor="ageConfirmed">I confirm I am 18 years or older</label>
          {errors.ageConfirmed && <p id="ageConfirmed-error" className="field-error">{errors.ageConfirmed}</p>}
        </div>

        <p className="form-note">We handle your account details as our <Link to="/privacy">privacy policy</Link> describes.</p>
        <button type="submit" className="button button-primary" aria-disabled={submitting}>
          {submitting ? 'Creating your account…' : 'Create account'}
        </button>
      </form>
      <p>Already have an account? <Link to={loginPath}>Log in</Link></p>
    </section>
  );
}
