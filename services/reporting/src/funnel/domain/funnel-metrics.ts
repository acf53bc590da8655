import { addTo, type ByCurrency, round2 } from '../../core/domain/money-totals';

export type FunnelGroupBy = 'source' | 'segment' | 'none';

/** The leads of one group whose deal was won in one currency (or not won at all), as the read model counts them. */
export interface FunnelTotals {
  group: string;
  /** The won deals' currency; undefined for the group's leads without a won deal. */
  wonCurrency: string | undefined;
  captured: number;
  qualified: number;
  converted: number;
  won: number;
  wonValue: number;
}

export interface FunnelFigures {
  group: string;
  captured: number;
  qualified: number;
  converted: number;
  won: number;
  /** Each step over the one before it; undefined when the step before has none. */
  qualificationRate: number | undefined;
  conversionRate: number | undefined;
  /**
   * Won over converted: the share of the group's leads that became deals whose deal was won, lost and open deals
   * counted alike. Not the outcomes report's `winRate`, which is won over won and lost of the deals closed in a period.
   */
  wonPerConverted: number | undefined;
  /** Won over captured: how much of what enters comes out as business. */
  leadToWinRate: number | undefined;
  wonValue: ByCurrency;
}

const rate = (part: number, whole: number): number | undefined =>
  whole === 0 ? undefined : Math.round((part / whole) * 10_000) / 10_000;

/** Lead -> qualified -> opportunity -> won, per group; a lead counts as qualified once it converted. */
export function funnel(totals: readonly FunnelTotals[]): FunnelFigures[] {
  const groups = new Map<string, Omit<FunnelFigures, `${string}Rate` | 'wonPerConverted'>>();
  for (const total of totals) {
    const figures = groups.get(total.group) ?? {
      group: total.group,
      captured: 0,
      qualified: 0,
      converted: 0,
      won: 0,
      wonValue: {},
    };
    figures.captured += total.captured;
    figures.qualified += total.qualified;
    figures.converted += total.converted;
    figures.won += total.won;
    if (total.wonCurrency !== undefined) addTo(figures.wonValue, total.wonCurrency, total.wonValue);
    groups.set(total.group, figures);
  }
  return [...groups.values()]
    .map((figures) => ({
      ...figures,
      qualificationRate: rate(figures.qualified, figures.captured),
      conversionRate: rate(figures.converted, figures.qualified),
      wonPerConverted: rate(figures.won, figures.converted),
      leadToWinRate: rate(figures.won, figures.captured),
    }))
    .sort((a, b) => a.group.localeCompare(b.group));
}

/** Lead sources ranked by how well they convert into wins, then by won value. */
export function rankSources(totals: readonly FunnelTotals[]): FunnelFigures[] {
  const total = (value: ByCurrency): number => round2(Object.values(value).reduce((a, b) => a + b, 0));
  return funnel(totals).sort(
    (a, b) =>
      (b.leadToWinRate ?? -1) - (a.leadToWinRate ?? -1) ||
      total(b.wonValue) - total(a.wonValue) ||
      a.group.localeCompare(b.group),
  );
}
