import { useEffect, useState } from 'react';
import { useSearchParam } from '../../app/navigation';
import { FormAlert } from '../../ui/FormAlert';
import { GOOGLE_START_PATH, googleAvailable, googleErrorMessage } from './googleApi';
import './google.css';

// "Sign in with Google" on the sign-in and sign-up pages, when the server offers it; a problem on the
// way back from Google comes back as ?googleError= and is shown here. A plain link: the browser goes to Google.
export function GoogleSignInButton({ label = 'Sign in with Google' }: { label?: string }) {
  const [available, setAvailable] = useState(false);
  const error = googleErrorMessage(useSearchParam('googleError'));
  useEffect(() => {
    let live = true;
    void googleAvailable().then((yes) => live && setAvailable(yes));
    return () => {
      live = false;
    };
  }, []);
  if (!available && !error) return null;
  return (
    <div className="google-sign-in">
      {error && <FormAlert><p>{error}</p></FormAlert>}
      {available && (
        <>
          <a className="button google-button" href={GOOGLE_START_PATH}>{label}</a>
          <p className="form-note">We ask Google only for your name and email address. <a href="/privacy#google">How we use Google data</a></p>
          <p className="google-or" aria-hidden="true">or</p>
        </>
      )}
    </div>
  );
}
