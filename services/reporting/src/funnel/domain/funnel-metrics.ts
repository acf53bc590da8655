import { addTo, type ByCurrency, round2 } from '../../pipeline/domain/opportunity-facts';

/** A lead's way through the funnel, with its opportunity's outcome when it has one. */
export interface LeadFacts {
  leadId: string;
  source: string;
  segmentIds: string[];
  capturedAt: string;
  qualified: boolean;
  converted: boolean;
  outcome?: { status: 'open' | 'won' | 'lost'; amount: number; currency: string };
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
  winRate: number | undefined;
  /** Won over captured: how much of what enters comes out as business. */
  leadToWinRate: number | undefined;
  wonValue: ByCurrency;
}

const rate = (part: number, whole: number): number | undefined =>
  whole === 0 ? undefined : Math.round((part / whole) * 10_000) / 10_000;

/** Lead -> qualified -> opportunity -> won, per source or per segment (a lead counts in each of its segments). */
export function funnel(leads: readonly LeadFacts[], groupBy: 'source' | 'segment' | 'none'): FunnelFigures[] {
  const groups = new Map<string, LeadFacts[]>();
  for (const lead of leads) {
    const keys =
      groupBy === 'source'
        ? [lead.source]
        : groupBy === 'segment'
          ? lead.segmentIds.length > 0
            ? lead.segmentIds
            : ['(none)']
          : ['all'];
    for (const key of keys) {
      const members = groups.get(key);
      if (members === undefined) groups.set(key, [lead]);
      else members.push(lead);
    }
  }
  return [...groups.entries()]
    .map(([group, members]) => figures(group, members))
    .sort((a, b) => a.group.localeCompare(b.group));
}

function figures(group: string, members: readonly LeadFacts[]): FunnelFigures {
  const qualified = members.filter((lead) => lead.qualified || lead.converted).length;
  const converted = members.filter((lead) => lead.converted).length;
  const wonLeads = members.filter((lead) => lead.outcome?.status === 'won');
  const wonValue: ByCurrency = {};
  for (const lead of wonLeads) addTo(wonValue, lead.outcome?.currency ?? '', lead.outcome?.amount ?? 0);
  return {
    group,
    captured: members.length,
    qualified,
    converted,
    won: wonLeads.length,
    qualificationRate: rate(qualified, members.length),
    conversionRate: rate(converted, qualified),
    winRate: rate(wonLeads.length, converted),
    leadToWinRate: rate(wonLeads.length, members.length),
    wonValue,
  };
}

/** Lead sources ranked by how well they convert into wins, then by won value. */
export function rankSources(leads: readonly LeadFacts[]): FunnelFigures[] {
  const total = (value: ByCurrency): number => round2(Object.values(value).reduce((a, b) => a + b, 0));
  return funnel(leads, 'source').sort(
    (a, b) =>
      (b.leadToWinRate ?? -1) - (a.leadToWinRate ?? -1) ||
      total(b.wonValue) - total(a.wonValue) ||
      a.group.localeCompare(b.group),
  );
}
