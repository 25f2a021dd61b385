import { useState, type FormEvent } from 'react';
import { ApiError, apiRequest } from '../app/api';
import { useNavigate } from 'react-router';
import { Link, useSearchParam } from '../app/navigation';
import { usePageTitle } from '../app/usePageTitle';
import { FormAlert } from '../ui/FormAlert';
import { GoogleSignInButton } from '../features/auth/GoogleSignInButton';
import { TextField } from '../ui/TextField';
import { useFormRefusal } from '../ui/useFormRefusal';

type Errors = { email?: string; password?: string; form?: string };

// Only dashboard paths are followed after login, so a crafted link cannot send people elsewhere.
function safeNext(next: string | null): string {
  return next && /^\/app(\/|\?|$)/.test(next) ? next : '/app';
}

function explainLoginRefusal(error: unknown): string {
  if (!(error instanceof ApiError)) return 'Something went wrong. Please try again.';
  if (error.code === 'invalid_credentials') return 'That email and password do not match an account. Check them and try again.';
  if (error.status === 429) return 'Too many attempts to log in. Wait a few minutes, then try again.';
  return error.message;
}

// Logging in on the way to accept an invitation: the sign-up link must keep the invitation too.
function signupPathFor(next: string): string {
  const [path, query = ''] = next.split('?');
  const invitation = path === '/app/join' ? new URLSearchParams(query).get('invitation') : null;
  return invitation ? `/signup?invitation=${encodeURIComponent(invitation)}` : '/signup';
}

export function LoginPage() {
  const navigate = useNavigate();
  usePageTitle('Log in');
  const next = safeNext(useSearchParam('next'));
  const signupPath = signupPathFor(next);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const { formRef, refusal: errors, setRefusal: setErrors, submitting, setSubmitting, refuse } = useFormRefusal<Errors>({});

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    // The button stays focusable while busy (a disabled one would drop keyboard focus), so guard here.
    if (submitting) return;
    const invalid: Errors = {};
    if (!email.trim()) invalid.email = 'Enter your email address.';
    if (!password) invalid.password = 'Enter your password.';
    if (invalid.email || invalid.password) return refuse(invalid);
    setSubmitting(true);
    try {
      await apiRequest('/auth/login', { method: 'POST', body: { email: email.trim(), password } });
      navigate(next);
    } catch (error) {
      setSubmitting(false);
      refuse({ form: explainLoginRefusal(error) });
    }
  };

  return (
    <section className="form-page" aria-labelledby="login-title">
      <h1 id="login-title">Log in</h1>
      {signupPath !== '/signup' && <p className="invitation-note" role="note">Log in to accept your invitation to a workspace.</p>}
      <GoogleSignInButton />
      {errors.form && <FormAlert><p>{errors.form}</p></FormAlert>}
      <form ref={formRef} className="form" noValidate onSubmit={(event) => void submit(event)}>
        <TextField
          id="email"
          label="Email"
          type="email"
          autoComplete="email"
          required
          value={email}
          error={errors.email}
          onChange={(e) => {
            setEmail(e.target.value);
            setErrors((current) => ({ ...current, email: undefined }));
          }}
        />
        <TextField
          id="password"
          label="Password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          error={errors.password}
          onChange={(e) => {
            setPassword(e.target.value);
            setErrors((current) => ({ ...current, password: undefined }));
          }}
        />
        <button type="submit" className="button button-primary" aria-disabled={submitting}>
          {submitting ? 'Logging in…' : 'Log in'}
        </button>
      </form>
      <p>New to WhatGrowPro? <Link to={signupPath}>Create an account</Link></p>
    </section>
  );
}
