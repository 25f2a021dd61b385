// Where privacy and data-protection requests go; the privacy policy and the app show it.
export const PRIVACY_CONTACT_EMAIL = 'privacy@whatgrowpro.com';
