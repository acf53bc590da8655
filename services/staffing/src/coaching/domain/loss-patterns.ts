/** A deal a rep lost, as the coaching rule looks at it. */
export interface Loss {
  opportunityId: string;
  /** One of the division's loss reasons, as the leads service recorded it. */
  reason: string;
  /** The day it was lost, `YYYY-MM-DD`. */
  lostOn: string;
}

/** Deals lost for one reason within the window: what a coaching suggestion names. */
export interface LossPattern {
  reason: string;
  /** The deals, earliest loss first. */
  opportunityIds: string[];
  /** The days of the earliest and the latest of these losses. */
  from: string;
  to: string;
}

/** When losses make a pattern: `threshold` deals or more, lost for one reason in the last `windowDays` days. */
export interface LossRule {
  threshold: number;
  windowDays: number;
}

export const defaultLossRule: LossRule = { threshold: 3, windowDays: 90 };

const msPerDay = 86_400_000;

/** Plain string order: ids and days compare the same on every machine, whatever its locale. */
const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The day `count` days before a `YYYY-MM-DD` day, counted on UTC so no time zone shifts it. */
const daysBefore = (day: string, count: number): string =>
  new Date(Date.parse(`${day}T00:00:00Z`) - count * msPerDay).toISOString().slice(0, 10);

/** Each deal once, as it was lost last: a deal reopened and lost again counts with its latest loss. */
function latestPerDeal(losses: readonly Loss[]): Loss[] {
  const byDeal = new Map<string, Loss>();
  for (const loss of losses) {
    const known = byDeal.get(loss.opportunityId);
    if (known === undefined || loss.lostOn >= known.lostOn) byDeal.set(loss.opportunityId, loss);
  }
  return [...byDeal.values()];
}

/**
 * The reasons a rep keeps losing deals for: for each reason, the deals lost for it in the last `windowDays` days up
 * to `now` (today included), when there are at least `threshold` of them. A loss dated after `now` counts as recent:
 * a clock a little behind the leads service's must not drop the newest loss. Patterns are ordered by reason.
 */
export function lossPatterns(
  losses: readonly Loss[],
  now: string,
  { threshold = defaultLossRule.threshold, windowDays = defaultLossRule.windowDays }: Partial<LossRule> = {},
): LossPattern[] {
  const firstDay = daysBefore(now.slice(0, 10), windowDays - 1);
  const recent = latestPerDeal(losses).filter((loss) => loss.lostOn >= firstDay);
  const byReason = new Map<string, Loss[]>();
  for (const loss of recent) byReason.set(loss.reason, [...(byReason.get(loss.reason) ?? []), loss]);
  return [...byReason.entries()]
    .filter(([, group]) => group.length >= threshold)
    .sort(([a], [b]) => byText(a, b))
    .map(([reason, group]) => {
      const ordered = [...group].sort((a, b) => byText(a.lostOn, b.lostOn) || byText(a.opportunityId, b.opportunityId));
      return {
        reason,
        opportunityIds: ordered.map((loss) => loss.opportunityId),
        from: (ordered[0] as Loss).lostOn,
        to: (ordered[ordered.length - 1] as Loss).lostOn,
      };
    });
}
