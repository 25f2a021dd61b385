// Where privacy and data-protection requests go; the privacy policy and the app show it.
export const PRIVACY_CONTACT_EMAIL = 'privacy@whatgrowpro.com';

// The simulated customers' WhatsApp, served by the API process in sandbox mode (not part of this app).
export const SANDBOX_PHONE_URL = '/sandbox/phone';
