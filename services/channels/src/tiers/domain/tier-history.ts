import type { CalendarDay } from '@salesos/kernel';

/**
 * A dealer's effective tier changes as parallel arrays sorted by effective day (same-day changes in the order they
 * were recorded), with corrections already applied: a correction replaces the tier its change names, from that
 * change's day. Sorted arrays make "as of day D" a binary search, fast enough for years of history per dealer.
 */
export interface TierHistory {
  readonly days: readonly CalendarDay[];
  readonly tierIds: readonly string[];
  /** The id of each change: an assignment's id, or the review id of a confirmed proposal. */
  readonly changeIds: readonly string[];
}

export interface TierAsOf {
  tierId: string;
  /** The day the change that set it took effect. */
  since: CalendarDay;
  changeId: string;
}

export const emptyTierHistory: TierHistory = { days: [], tierIds: [], changeIds: [] };

/** How many changes take effect on or before `day`: the position just after the last of them. */
function changesBy(history: TierHistory, day: CalendarDay): number {
  let [low, high] = [0, history.days.length];
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((history.days[middle] as CalendarDay) <= day) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The tier a dealer held on `day`: the last change effective by then; undefined before the first change. */
export function tierAsOf(history: TierHistory, day: CalendarDay): TierAsOf | undefined {
  const at = changesBy(history, day) - 1;
  if (at < 0) return undefined;
  return {
    tierId: history.tierIds[at] as string,
    since: history.days[at] as CalendarDay,
    changeId: history.changeIds[at] as string,
  };
}

/** The tier from the latest change on: the one a new review compares with. */
export function currentTier(history: TierHistory): TierAsOf | undefined {
  const last = history.days.at(-1);
  return last === undefined ? undefined : tierAsOf(history, last);
}

/** Where the change with this id sits, or -1. */
export const changeIndex = (history: TierHistory, changeId: string): number => history.changeIds.indexOf(changeId);

/** The history with one more change, after every change effective on or before its day. */
export function withChange(
  history: TierHistory,
  change: { changeId: string; tierId: string; effectiveFrom: CalendarDay },
): TierHistory {
  const at = changesBy(history, change.effectiveFrom);
  const insert = <T>(values: readonly T[], value: T): T[] => [...values.slice(0, at), value, ...values.slice(at)];
  return {
    days: insert(history.days, change.effectiveFrom),
    tierIds: insert(history.tierIds, change.tierId),
    changeIds: insert(history.changeIds, change.changeId),
  };
}

/** The history with what a change says replaced by the corrected tier; an unknown change leaves it as it is. */
export function withCorrection(history: TierHistory, changeId: string, tierId: string): TierHistory {
  const at = changeIndex(history, changeId);
  if (at === -1) return history;
  return { ...history, tierIds: history.tierIds.map((tier, index) => (index === at ? tierId : tier)) };
}
