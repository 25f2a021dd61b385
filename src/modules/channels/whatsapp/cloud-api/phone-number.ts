import { z } from 'zod';
import type { GraphHttp } from './graph-http';

export interface PhoneNumberInfo {
  id: string;
  displayPhoneNumber: string | null;
  verifiedName: string | null;
  /** GREEN, YELLOW, RED; UNKNOWN or NA for unused numbers. */
  qualityRating: string | null;
  /** `CONNECTED` is required to send. */
  status: string | null;
  /** STANDARD, HIGH or NOT_APPLICABLE, as Meta reports it. */
  throughputLevel: string | null;
  /** Messages per second this number may send: HIGH → 1,000, anything else Meta's default, 80. */
  throughputMps: number;
  /** TIER_250, TIER_2K, TIER_10K, TIER_100K, TIER_UNLIMITED…: unique customers per 24 h outside the service window. */
  messagingLimit: string | null;
}

// Fields outside our control must not fail the whole call: a shape we do not know becomes null.
const optionalString = z.string().nullish().catch(null);

const phoneNumberResponse = z.object({
  id: z.string().min(1),
  display_phone_number: optionalString,
  verified_name: optionalString,
  quality_rating: optionalString,
  status: optionalString,
  throughput: z.object({ level: optionalString }).nullish().catch(null),
  whatsapp_business_manager_messaging_limit: optionalString,
  messaging_limit_tier: optionalString,
});

const throughputByLevel: Record<string, number> = { STANDARD: 80, HIGH: 1_000 };

/**
 * Reads a number's quality, throughput and messaging limit. The limit's field was renamed in
 * v24 (`whatsapp_business_manager_messaging_limit`, formerly `messaging_limit_tier`) and Graph
 * rejects a field its version does not know, so the field asked for follows `apiVersion`.
 */
export async function getPhoneNumberInfo(http: GraphHttp, phoneNumberId: string, apiVersion: string): Promise<PhoneNumberInfo> {
  const limitField = majorVersion(apiVersion) >= 24 ? 'whatsapp_business_manager_messaging_limit' : 'messaging_limit_tier';
  const fields = ['id', 'display_phone_number', 'verified_name', 'quality_rating', 'status', 'throughput', limitField].join(',');
  const info = await http.call({ method: 'GET', path: `/${phoneNumberId}`, query: { fields }, schema: phoneNumberResponse });
  const throughputLevel = info.throughput?.level ?? null;
  return {
    id: info.id,
    displayPhoneNumber: info.display_phone_number ?? null,
    verifiedName: info.verified_name ?? null,
    qualityRating: info.quality_rating ?? null,
    status: info.status ?? null,
    throughputLevel,
    throughputMps: mpsForThroughputLevel(throughputLevel),
    messagingLimit: info.whatsapp_business_manager_messaging_limit ?? info.messaging_limit_tier ?? null,
  };
}

/** STANDARD → 80, HIGH → 1,000; an absent or unknown level counts as Meta's default, 80. */
export function mpsForThroughputLevel(level: string | null | undefined): number {
  return (level ? throughputByLevel[level] : undefined) ?? 80;
}

function majorVersion(apiVersion: string): number {
  const match = /^v(\d+)/.exec(apiVersion);
  return match ? Number(match[1]) : Number.POSITIVE_INFINITY;
}
