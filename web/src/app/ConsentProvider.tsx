import { createContext, useContext, useState, type ReactNode } from 'react';
import { readConsent, saveConsent, type Consent, type ConsentChoice } from './cookieConsent';

type ConsentState = {
  consent: Consent | null;
  bannerOpen: boolean;
  choose: (choice: ConsentChoice) => void;
  openBanner: () => void;
  closeBanner: () => void;
};

const ConsentContext = createContext<ConsentState | null>(null);

export function useConsent(): ConsentState {
  const state = useContext(ConsentContext);
  if (!state) throw new Error('useConsent must be used inside <ConsentProvider>');
  return state;
}

export function ConsentProvider({ children }: { children: ReactNode }) {
  const [consent, setConsent] = useState(readConsent);
  // Reopened from the footer's "Cookie settings"; without a recorded choice the banner is always shown.
  const [reopened, setReopened] = useState(false);

  const state: ConsentState = {
    consent,
    bannerOpen: consent === null || reopened,
    choose(choice) {
      setConsent(saveConsent(choice));
      setReopened(false);
    },
    openBanner: () => setReopened(true),
    closeBanner: () => setReopened(false),
  };
  return <ConsentContext.Provider value={state}>{children}</ConsentContext.Provider>;
}
