// The canonical WhatsApp id of a phone number. Meta "may modify" Brazilian and Mexican
// numbers: a Mexican mobile gets the historical `1` after 52, and a Brazilian mobile loses
// the extra `9` before its 8 digits. Keeping this quirk shows products that key contacts by
// the `input` they sent instead of the `wa_id` Meta answered.

export function canonicalWaId(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  const mexico = /^52(\d{10})$/.exec(digits);
  if (mexico) return `521${mexico[1]}`;
  const brazil = /^55(\d{2})9(\d{8})$/.exec(digits);
  if (brazil) return `55${brazil[1]}${brazil[2]}`;
  return digits;
}

/** BSUIDs look like `US.13491208655302741918` (webhooks) or `user.9373...` (send examples). */
export function isBsuid(id: string): boolean {
  return /^(?:[A-Z]{2}|user)\.[A-Za-z0-9_-]{4,}$/.test(id);
}
