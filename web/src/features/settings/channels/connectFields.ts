// The fields of POST /api/v1/channels/whatsapp, in the order Meta's App Dashboard shows them.
export const CONNECT_FIELDS = [
  { name: 'displayPhoneNumber', label: 'Display phone number', hint: 'As customers see it, e.g. +1 555 010 0200.', type: 'text' },
  { name: 'phoneNumberId', label: 'Phone number id', hint: 'The numeric id under WhatsApp → API Setup in Meta’s App Dashboard.', type: 'text' },
  { name: 'wabaId', label: 'WhatsApp Business Account id', hint: 'Numeric, on the same page.', type: 'text' },
  { name: 'accessToken', label: 'Access token', hint: 'A permanent system-user token. Stored encrypted and never shown again.', type: 'password' },
  { name: 'appSecret', label: 'App secret', hint: 'Under App settings → Basic; used to check that webhooks come from Meta.', type: 'password' },
  { name: 'verifyToken', label: 'Webhook verify token', hint: 'Any phrase of 8 or more characters; enter the same one in Meta’s webhook settings.', type: 'text' },
] as const;

export const ADVANCED_FIELDS = [
  { name: 'graphApiBaseUrl', label: 'Graph API base URL', hint: 'Leave empty for Meta’s (https://graph.facebook.com).', type: 'url' },
  { name: 'graphApiVersion', label: 'Graph API version', hint: 'Leave empty for v24.0.', type: 'text' },
] as const;

export type ConnectField = (typeof CONNECT_FIELDS)[number]['name'] | (typeof ADVANCED_FIELDS)[number]['name'];
export const ALL_CONNECT_FIELDS: ConnectField[] = [...CONNECT_FIELDS, ...ADVANCED_FIELDS].map((field) => field.name);
export type ConnectValues = Record<ConnectField, string>;

export const EMPTY_CONNECT: ConnectValues = Object.fromEntries(ALL_CONNECT_FIELDS.map((name) => [name, ''])) as ConnectValues;

// Empty optional fields are left out, so the server applies its defaults.
export function connectBody(values: ConnectValues): Record<string, string> {
  return Object.fromEntries(Object.entries(values).map(([key, value]) => [key, value.trim()]).filter(([, value]) => value !== ''));
}
