import { foldEvents } from '@salesos/event-sourcing';
import { tierRecordDecider, type TierRecordState } from './tier-record.decider';
import type { TierRecordEvent } from './tier-record.events';
import { currentTier, emptyTierHistory, type TierHistory, tierAsOf, withChange, withCorrection } from './tier-history';

const at = '2026-01-01T00:00:00.000Z';
const about = { dealerId: 'dealer-1', divisionId: 'north', programmeId: 'prog-north' };
const assigned = (changeId: string, tierId: string, effectiveFrom: string): TierRecordEvent => ({
  type: 'TierAssigned',
  data: { changeId, ...about, tierId, effectiveFrom, assignedBy: 'mgr', assignedAt: at },
});
const confirmed = (reviewId: string, fromTierId: string, tierId: string, effectiveFrom: string): TierRecordEvent => ({
  type: 'TierChangeConfirmed',
  data: { reviewId, ...about, fromTierId, tierId, effectiveFrom, confirmedBy: 'mgr', confirmedAt: at },
});
const corrected = (
  correctionId: string,
  corrects: string,
  previousTierId: string,
  tierId: string,
  effectiveFrom: string,
): TierRecordEvent => ({
  type: 'TierCorrected',
  data: {
    correctionId,
    corrects,
    ...about,
    tierId,
    previousTierId,
    effectiveFrom,
    reason: 'miscounted',
    correctedBy: 'mgr',
    correctedAt: at,
  },
});
const historyOf = (events: TierRecordEvent[]): TierHistory => {
  const state: TierRecordState = foldEvents(tierRecordDecider, events);
  return state.status === 'none' ? emptyTierHistory : state.history;
};
const tierOn = (history: TierHistory, day: string) => tierAsOf(history, day)?.tierId;

const history = historyOf([
  assigned('a-1', 'silver', '2024-01-01'),
  confirmed('r-1', 'silver', 'gold', '2025-01-01'),
  confirmed('r-2', 'gold', 'platinum', '2026-01-01'),
]);

describe('the tier as of a day', () => {
  it('is none before the first change', () => {
    expect(tierAsOf(history, '2023-12-31')).toBeUndefined();
    expect(tierAsOf(emptyTierHistory, '2026-01-01')).toBeUndefined();
  });

  it('is the one set by the last change effective by that day, from its first day on', () => {
    expect(tierAsOf(history, '2024-01-01')).toEqual({ tierId: 'silver', since: '2024-01-01', changeId: 'a-1' });
    expect(tierOn(history, '2024-12-31')).toBe('silver');
    expect(tierOn(history, '2025-01-01')).toBe('gold');
    expect(tierOn(history, '2030-06-01')).toBe('platinum');
    expect(currentTier(history)?.tierId).toBe('platinum');
  });

  it('is the one recorded last when two changes take effect the same day', () => {
    const sameDay = historyOf([
      assigned('a-1', 'silver', '2024-01-01'),
      confirmed('r-1', 'silver', 'gold', '2025-01-01'),
      assigned('a-2', 'platinum', '2025-01-01'),
    ]);
    expect(tierAsOf(sameDay, '2025-01-01')).toEqual({ tierId: 'platinum', since: '2025-01-01', changeId: 'a-2' });
    expect(tierOn(sameDay, '2024-12-31')).toBe('silver');
  });

  it("applies a correction from the corrected change's day, leaving later changes as they were", () => {
    const withFix = historyOf([
      assigned('a-1', 'silver', '2024-01-01'),
      confirmed('r-1', 'silver', 'gold', '2025-01-01'),
      confirmed('r-2', 'gold', 'platinum', '2026-01-01'),
      corrected('c-1', 'r-1', 'gold', 'silver', '2025-01-01'),
    ]);
    expect(tierOn(withFix, '2024-06-01')).toBe('silver');
    expect(tierAsOf(withFix, '2025-06-01')).toEqual({ tierId: 'silver', since: '2025-01-01', changeId: 'r-1' });
    expect(tierOn(withFix, '2026-06-01')).toBe('platinum');
  });

  it('follows the latest of several corrections of one change', () => {
    const twice = historyOf([
      assigned('a-1', 'silver', '2024-01-01'),
      corrected('c-1', 'a-1', 'silver', 'platinum', '2024-01-01'),
      corrected('c-2', 'a-1', 'platinum', 'gold', '2024-01-01'),
    ]);
    expect(tierOn(twice, '2024-03-01')).toBe('gold');
  });

  it('is unchanged by correcting a change superseded on its own day', () => {
    const sameDay = historyOf([
      assigned('a-1', 'silver', '2025-01-01'),
      assigned('a-2', 'gold', '2025-01-01'),
      corrected('c-1', 'a-1', 'silver', 'platinum', '2025-01-01'),
    ]);
    expect(tierOn(sameDay, '2025-01-01')).toBe('gold');
  });

  it('keeps effective order when changes arrive out of it', () => {
    let outOfOrder = withChange(emptyTierHistory, { changeId: 'b', tierId: 'gold', effectiveFrom: '2025-01-01' });
    outOfOrder = withChange(outOfOrder, { changeId: 'a', tierId: 'silver', effectiveFrom: '2024-01-01' });
    expect(outOfOrder.days).toEqual(['2024-01-01', '2025-01-01']);
    expect(tierOn(outOfOrder, '2024-06-01')).toBe('silver');
    expect(withCorrection(outOfOrder, 'unknown', 'platinum')).toBe(outOfOrder);
  });

  it('answers over five years of weekly changes as a scan of them would', () => {
    const tiers = ['silver', 'gold', 'platinum'];
    let long = emptyTierHistory;
    const start = Date.UTC(2021, 0, 1);
    const dayOf = (offset: number) => new Date(start + offset * 86_400_000).toISOString().slice(0, 10);
    for (let week = 0; week < 5 * 52; week += 1) {
      long = withChange(long, {
        changeId: `w-${week}`,
        tierId: tiers[week % 3] as string,
        effectiveFrom: dayOf(week * 7),
      });
    }
    for (let offset = -3; offset < 5 * 365 + 10; offset += 1) {
      const day = dayOf(offset);
      const scanned = [...long.days.keys()].filter((index) => (long.days[index] as string) <= day).at(-1);
      expect(tierAsOf(long, day)?.changeId).toBe(scanned === undefined ? undefined : long.changeIds[scanned]);
    }
  });
});
