import fc from 'fast-check';
import { isCalendarDate, isInstant } from './dates';

describe('calendar days', () => {
  it.each(['2026-01-01', '2026-02-28', '2024-02-29', '2026-12-31', '0001-01-01', '9999-12-31'])('takes %s', (day) => {
    expect(isCalendarDate(day)).toBe(true);
  });

  it.each([
    '2026-W01',
    '2026-W01-1',
    '2026-001',
    '20260101',
    '2026',
    '2026-01',
    '2026-02-30',
    '2025-02-29',
    '2026-13-01',
    '2026-00-10',
    '2026-01-00',
    '2026-1-1',
    ' 2026-01-01',
    '2026-01-01 ',
    '2026-01-01T00:00:00Z',
    '+002026-01-01',
    '２０２６-01-01',
    '',
  ])('refuses %j', (day) => {
    expect(isCalendarDate(day)).toBe(false);
  });

  it('refuses what is not a string', () => {
    for (const value of [null, undefined, 20260101, new Date(), ['2026-01-01'], { day: '2026-01-01' }]) {
      expect(isCalendarDate(value)).toBe(false);
    }
  });

  it('takes exactly the days a calendar has', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('0001-01-01'), max: new Date('9999-12-31'), noInvalidDate: true }), (date) =>
        isCalendarDate(date.toISOString().slice(0, 10)),
      ),
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9999 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 29, max: 31 }),
        (year, month, day) => {
          const text = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
          const probe = new Date(0);
          probe.setUTCFullYear(year, month, 0);
          return isCalendarDate(text) === day <= probe.getUTCDate();
        },
      ),
    );
  });
});

describe('instants', () => {
  it.each([
    '2026-03-01T00:00:00Z',
    '2026-03-01T09:30:00.5Z',
    '2026-03-01T09:30:00.123456789Z',
    '2026-03-01T09:30:00+01:00',
    '2026-03-01T09:30:00-23:59',
    '2026-03-01t09:30:00z',
  ])('takes %s', (instant) => {
    expect(isInstant(instant)).toBe(true);
  });

  it.each([
    '2026-W01',
    '2026-W01-1T00:00:00Z',
    '2026-03-01',
    '2026-03-01T09:30:00',
    '2026-03-01T09:30Z',
    '2026-03-01 09:30:00Z',
    '20260301T093000Z',
    '2026-02-30T00:00:00Z',
    '2026-03-01T24:00:00Z',
    '2026-03-01T23:60:00Z',
    '2026-03-01T23:59:60Z',
    '2026-03-01T00:00:00+24:00',
    '2026-03-01T00:00:00+0100',
    '2026-03-01T00:00:00.Z',
    '2026-03-01T00:00:00.1234567890Z',
    'Sun, 01 Mar 2026 00:00:00 GMT',
    '1772323200000',
    '',
  ])('refuses %j', (instant) => {
    expect(isInstant(instant)).toBe(false);
  });

  it('takes every instant the API itself writes, and each one reaches Date as the same moment', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('0001-01-01'), max: new Date('9999-12-31'), noInvalidDate: true }),
        (date) => {
          const text = date.toISOString();
          return isInstant(text) && Date.parse(text) === date.getTime();
        },
      ),
    );
  });

  it('never takes a string that Date cannot read', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 40 }),
        (text) => !isInstant(text) || Number.isFinite(Date.parse(text.toUpperCase())),
      ),
    );
  });
});
