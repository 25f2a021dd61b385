// GET /<PHONE_NUMBER_ID>, GET /<WABA_ID>/phone_numbers and GET /<WABA_ID> (reference §6).
// The messaging-limit field is named by the request's version: `messaging_limit_tier` up to
// v23, `whatsapp_business_manager_messaging_limit` from v24.
import { ok, type GraphReply, type GraphRequest } from './graph-request';
import type { BusinessNumber } from '../engine/numbers';
import { majorVersion } from '../webhooks/pricing';

/** STANDARD = 80 mps, HIGH = 1,000 mps; numbers shared with the Business app (20 mps) have no level. */
export function throughputLevel(mps: number): 'STANDARD' | 'HIGH' | 'NOT_APPLICABLE' {
  if (mps >= 1000) return 'HIGH';
  if (mps <= 20) return 'NOT_APPLICABLE';
  return 'STANDARD';
}

/** `15550783881` → `+1 555-078-3881` for North American numbers, `+<digits>` otherwise. */
export function formatPhone(digits: string): string {
  const nanp = /^1(\d{3})(\d{3})(\d{4})$/.exec(digits);
  return nanp ? `+1 ${nanp[1]}-${nanp[2]}-${nanp[3]}` : `+${digits}`;
}

function numberFields(req: GraphRequest, n: BusinessNumber): Record<string, unknown> {
  const limitField = majorVersion(req.version ?? n.apiVersion) >= 24 ? 'whatsapp_business_manager_messaging_limit' : 'messaging_limit_tier';
  return {
    verified_name: n.config.verifiedName ?? 'Simulated Business',
    code_verification_status: 'VERIFIED',
    display_phone_number: n.config.displayPhoneNumber,
    quality_rating: n.qualityRating,
    platform_type: 'CLOUD_API',
    throughput: { level: throughputLevel(n.throughputMps) },
    status: 'CONNECTED',
    name_status: 'APPROVED',
    [limitField]: n.messagingLimit,
    webhook_configuration: { application: n.config.webhookUrl },
    id: n.id,
  };
}

/** `?fields=a,b` keeps those fields (and the id), as Graph does. */
function pick(all: Record<string, unknown>, fields: string | undefined): Record<string, unknown> {
  if (!fields) return all;
  const wanted = new Set(fields.split(',').map((f) => f.trim()));
  return Object.fromEntries(Object.entries(all).filter(([k]) => wanted.has(k) || k === 'id'));
}

export function phoneNumberInfo(req: GraphRequest, n: BusinessNumber): GraphReply {
  return ok(pick(numberFields(req, n), req.query.fields));
}

export function wabaPhoneNumbers(req: GraphRequest, wabaId: string): GraphReply {
  const data = req.engine.numbers.inWaba(wabaId).map((n) => {
    const fields = numberFields(req, n);
    fields.display_phone_number = formatPhone(n.displayDigits);
    return pick(fields, req.query.fields ?? 'verified_name,code_verification_status,display_phone_number,quality_rating,platform_type,throughput');
  });
  return ok({ data, paging: { cursors: { before: 'QVFIUm', after: 'QVFIUm' } } });
}

export function wabaInfo(req: GraphRequest, wabaId: string): GraphReply {
  return ok(pick({ id: wabaId, name: 'Simulated WhatsApp Business Account', currency: 'USD', timezone_id: '1', message_template_namespace: `sim_${wabaId}` }, req.query.fields));
}
