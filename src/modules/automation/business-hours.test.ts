import { test } from 'node:test';
import assert from 'node:assert/strict';
import { closedPeriodOf, isOpenAt } from './business-hours';
import { businessHoursSchema, DEFAULT_SETTINGS, type BusinessHours } from './settings.schema';

const madrid: BusinessHours = { ...DEFAULT_SETTINGS.businessHours, timezone: 'Europe/Madrid' };

test('open and closed are decided in the business time zone, closing minute excluded', () => {
  // Tuesday 24 Nov 2026: Madrid is UTC+1.
  assert.equal(isOpenAt(madrid, new Date('2026-11-24T08:00:00Z')), true, '09:00 Madrid');
  assert.equal(isOpenAt(madrid, new Date('2026-11-24T07:59:00Z')), false, '08:59 Madrid');
  assert.equal(isOpenAt(madrid, new Date('2026-11-24T16:00:00Z')), false, '17:00 Madrid is closed');
  assert.equal(isOpenAt(madrid, new Date('2026-11-28T12:00:00Z')), false, 'Saturday');
});

test('one closed period per night or weekend, named by the closing it follows', () => {
  const friEvening = closedPeriodOf(madrid, new Date('2026-11-27T20:00:00Z'));
  assert.equal(friEvening, '2026-11-27T17:00');
  assert.equal(closedPeriodOf(madrid, new Date('2026-11-29T10:00:00Z')), friEvening, 'Sunday is still Friday night’s closed period');
  assert.equal(closedPeriodOf(madrid, new Date('2026-11-30T06:00:00Z')), friEvening, 'Monday 07:00 too');
  assert.equal(closedPeriodOf(madrid, new Date('2026-11-30T20:00:00Z')), '2026-11-30T17:00', 'Monday night is a new one');
  const closed: BusinessHours = { timezone: 'UTC', days: { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] } };
  assert.equal(closedPeriodOf(closed, new Date()), 'never-open');
});

test('validation: IANA zones, HH:MM, open before close, no overlaps', () => {
  const days = madrid.days;
  assert.equal(businessHoursSchema.safeParse({ timezone: 'Mars/Olympus', days }).success, false);
  assert.equal(businessHoursSchema.safeParse({ timezone: 'America/Sao_Paulo', days }).success, true);
  assert.equal(businessHoursSchema.safeParse({ timezone: 'UTC', days: { ...days, mon: [{ open: '9:00', close: '17:00' }] } }).success, false);
  assert.equal(businessHoursSchema.safeParse({ timezone: 'UTC', days: { ...days, mon: [{ open: '17:00', close: '09:00' }] } }).success, false);
  assert.equal(businessHoursSchema.safeParse({ timezone: 'UTC', days: { ...days, mon: [{ open: '09:00', close: '13:00' }, { open: '12:00', close: '18:00' }] } }).success, false);
  assert.equal(businessHoursSchema.safeParse({ timezone: 'UTC', days: { ...days, mon: [{ open: '00:00', close: '24:00' }] } }).success, true);
});
