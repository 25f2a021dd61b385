import type { TenantTx } from '../../platform/db';
import { isOpenAt, readSettings } from '../automation';
import type { Calendar } from './episodes';

/**
 * The workspace's time zone and business hours live in its automation settings (businessHours):
 * days are cut at its local midnight, and response times are split by its opening hours. A change
 * applies to figures rolled up afterwards; `whatgrow analytics rebuild` re-cuts the past.
 */
export async function calendarOf(tx: TenantTx, workspaceId: string): Promise<Calendar> {
  const { businessHours } = await readSettings(tx, workspaceId);
  return { timeZone: businessHours.timezone, isOpen: (at) => isOpenAt(businessHours, at) };
}
