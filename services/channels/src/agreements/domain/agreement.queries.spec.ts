import { foldEvents } from '@salesos/event-sourcing';
import { addDays, daysBetween } from './calendar-days';
import { agreementDecider } from './agreement.decider';
import type { AgreementEvent, AgreementTerms } from './agreement.events';
import { expiringWithin, termsInForce } from './agreement.queries';

const now = '2026-01-01T09:00:00.000Z';
const parties = { agreementId: 'agr-1', dealerId: 'dealer-1', divisionId: 'north' };
const terms = (discountPercent: number): AgreementTerms => ({
  discountPercent,
  territories: ['north'],
  productGroups: ['presses'],
  exclusivity: false,
  exclusiveTerritories: [],
  paymentTermsDays: 30,
});
const drafted = (version: number, effectiveFrom: string, expiresOn: string): AgreementEvent => ({
  type: 'AgreementVersionDrafted',
  data: { ...parties, version, terms: terms(version * 10), effectiveFrom, expiresOn, draftedAt: now },
});
const renewed = (version: number, effectiveFrom: string, expiresOn: string): AgreementEvent => ({
  type: 'AgreementRenewed',
  data: { ...parties, version, renews: 1, terms: terms(version * 10), effectiveFrom, expiresOn, renewedAt: now },
});
/** The signature as the decider records it: the version's period and terms do not change what the fold keeps. */
const signed = (version: number): AgreementEvent => ({
  type: 'AgreementVersionSigned',
  data: {
    ...parties,
    version,
    effectiveFrom: '2026-01-01',
    expiresOn: '2026-12-31',
    terms: terms(version * 10),
    signedBy: 'Dana',
    signedOn: '2025-12-20',
    recordedAt: now,
  },
});
const terminated = (effectiveOn: string): AgreementEvent => ({
  type: 'AgreementTerminated',
  data: { ...parties, effectiveOn, reason: 'closed', terminatedAt: now },
});
const stateOf = (events: AgreementEvent[]) => foldEvents(agreementDecider, events);
const versionOn = (events: AgreementEvent[], day: string) => termsInForce(stateOf(events), day)?.version;

const year2026 = [drafted(1, '2026-01-01', '2026-12-31'), signed(1)];

describe('the terms in force on a day', () => {
  it('are none before anything is signed, however many drafts there are', () => {
    expect(termsInForce(agreementDecider.initialState(), '2026-05-01')).toBeUndefined();
    expect(versionOn([drafted(1, '2026-01-01', '2026-12-31')], '2026-05-01')).toBeUndefined();
  });

  it("are a signed version's from its first day through its expiry day, and none after", () => {
    expect(versionOn(year2026, '2025-12-31')).toBeUndefined();
    expect(versionOn(year2026, '2026-01-01')).toBe(1);
    expect(versionOn(year2026, '2026-12-31')).toBe(1);
    expect(versionOn(year2026, '2027-01-01')).toBeUndefined();
  });

  it('are the later version from the day it takes effect, with its own terms', () => {
    const history = [...year2026, drafted(2, '2026-07-01', '2027-06-30'), signed(2)];
    expect(versionOn(history, '2026-06-30')).toBe(1);
    expect(termsInForce(stateOf(history), '2026-07-01')?.terms.discountPercent).toBe(20);
    expect(versionOn(history, '2027-06-30')).toBe(2);
  });

  it('do not fall back to a superseded version when its successor expires first', () => {
    const history = [...year2026, drafted(2, '2026-03-01', '2026-05-31'), signed(2)];
    expect(versionOn(history, '2026-06-01')).toBeUndefined();
  });

  it('are the one signed last when two versions take effect the same day', () => {
    const history = [...year2026, drafted(2, '2026-01-01', '2026-06-30'), signed(2)];
    expect(versionOn(history, '2026-01-01')).toBe(2);
  });

  it('are none from the day a termination takes effect', () => {
    const history = [...year2026, terminated('2026-06-01')];
    expect(versionOn(history, '2026-05-31')).toBe(1);
    expect(versionOn(history, '2026-06-01')).toBeUndefined();
  });

  it('are found among hundreds of weekly versions, at both ends', () => {
    const events: AgreementEvent[] = [];
    for (let version = 1; version <= 500; version += 1) {
      const from = addDays('2020-01-01', (version - 1) * 7);
      events.push(drafted(version, from, addDays(from, 6)), signed(version));
    }
    const state = stateOf(events);
    expect(termsInForce(state, '2020-01-08')?.version).toBe(2);
    expect(termsInForce(state, addDays('2020-01-01', 499 * 7 + 6))?.version).toBe(500);
  });
});

describe('terms expiring within a number of days', () => {
  it('are the version in force when its expiry falls within them, with the days left', () => {
    expect(expiringWithin(stateOf(year2026), '2026-12-01', 30)).toEqual({
      version: expect.objectContaining({ version: 1 }) as unknown,
      lastDay: '2026-12-31',
      daysLeft: 30,
    });
    expect(expiringWithin(stateOf(year2026), '2026-12-31', 0)?.daysLeft).toBe(0);
  });

  it('are none when the expiry lies further ahead', () => {
    expect(expiringWithin(stateOf(year2026), '2026-11-30', 30)).toBeUndefined();
  });

  it('are none when a signed renewal follows without a gap, until the renewal itself expires', () => {
    const history = [...year2026, renewed(2, '2027-01-01', '2027-12-31'), signed(2)];
    expect(expiringWithin(stateOf(history), '2026-12-15', 30)).toBeUndefined();
    expect(expiringWithin(stateOf(history), '2026-12-15', 400)).toMatchObject({ lastDay: '2027-12-31' });
  });

  it('are still expiring while the renewal is only drafted', () => {
    const history = [...year2026, renewed(2, '2027-01-01', '2027-12-31')];
    expect(expiringWithin(stateOf(history), '2026-12-15', 30)?.lastDay).toBe('2026-12-31');
  });

  it('are expiring when the next signed version leaves a gap', () => {
    const history = [...year2026, drafted(2, '2027-02-01', '2027-12-31'), signed(2)];
    expect(expiringWithin(stateOf(history), '2026-12-15', 30)?.lastDay).toBe('2026-12-31');
  });

  it('are none with no terms in force today, or on a terminated agreement', () => {
    expect(expiringWithin(stateOf(year2026), '2027-01-05', 30)).toBeUndefined();
    expect(expiringWithin(agreementDecider.initialState(), '2026-12-15', 30)).toBeUndefined();
    expect(expiringWithin(stateOf([...year2026, terminated('2027-01-01')]), '2026-12-15', 30)).toBeUndefined();
  });
});

describe('calendar days', () => {
  it('are counted across month, year and leap-day ends', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(daysBetween('2026-01-01', '2025-12-31')).toBe(-1);
  });
});
