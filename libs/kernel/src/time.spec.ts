import fc from 'fast-check';
import { isCalendarDay, isInstant } from './time';

describe('calendar days', () => {
  it.each(['2026-01-01', '2024-02-29', '2026-12-31'])('accepts %s', (day) => expect(isCalendarDay(day)).toBe(true));

  it.each(['2026-W01', '20260101', '2026', '2026-02-29', '2026-02-30', '2026-13-01', '2026-00-10', '2026-1-1', ''])(
    'refuses %s',
    (day) => expect(isCalendarDay(day)).toBe(false),
  );

  it('accepts every day the calendar has, in the form toISOString gives', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1900-01-01'), max: new Date('2199-12-31'), noInvalidDate: true }), (date) =>
        isCalendarDay(date.toISOString().slice(0, 10)),
      ),
    );
  });
});

describe('instants', () => {
  it.each([
    '2026-01-01T00:00:00Z',
    '2026-01-01T10:20:30.123Z',
    '2026-06-30T23:59:59+02:00',
    '2026-06-30T01:00:00-05:30',
  ])('accepts %s', (instant) => expect(isInstant(instant)).toBe(true));

  it.each([
    '2026-01-01',
    '2026-01-01T00:00:00',
    '2026-W01-1T00:00:00Z',
    '2026-02-30T00:00:00Z',
    '2026-01-01 00:00:00Z',
    '2026-01-01T24:00:00Z',
    '20260101T000000Z',
    'now',
  ])('refuses %s', (instant) => expect(isInstant(instant)).toBe(false));

  it('accepts what toISOString gives, and what it accepts names a real moment', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1900-01-01'), max: new Date('2199-12-31'), noInvalidDate: true }),
        (date) => {
          const text = date.toISOString();
          return isInstant(text) && !Number.isNaN(new Date(text).getTime());
        },
      ),
    );
  });
});
