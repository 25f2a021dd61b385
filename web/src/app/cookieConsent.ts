// The visitor's cookie choice, kept in localStorage (not a cookie) so that recording it sets no cookie.
// Bump CONSENT_VERSION when the cookies we use change: older choices are then asked again.

export type ConsentChoice = 'essential' | 'analytics';
export type Consent = { choice: ConsentChoice; at: string; version: number };

const CONSENT_STORAGE_KEY = 'wgp.cookieConsent';
const CONSENT_VERSION = 1;

export function readConsent(): Consent | null {
  try {
    const stored: unknown = JSON.parse(window.localStorage.getItem(CONSENT_STORAGE_KEY) ?? 'null');
    return isCurrentConsent(stored) ? stored : null;
  } catch {
    return null;
  }
}

export function saveConsent(choice: ConsentChoice): Consent {
  const consent: Consent = { choice, at: new Date().toISOString(), version: CONSENT_VERSION };
  try {
    window.localStorage.setItem(CONSENT_STORAGE_KEY, JSON.stringify(consent));
  } catch {
    // Storage disabled (private mode, policy): the choice still holds for this visit.
  }
  return consent;
}

function isCurrentConsent(value: unknown): value is Consent {
  if (typeof value !== 'object' || value === null) return false;
  const { choice, at, version } = value as Record<string, unknown>;
  return (choice === 'essential' || choice === 'analytics') && typeof at === 'string' && version === CONSENT_VERSION;
}
