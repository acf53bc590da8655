import type { CompanySizeBand, Money } from '@salesos/kernel';

/** Who a target audience is; every criterion given must hold, lists mean "any of". */
export interface SegmentCriteria {
  industries?: string[];
  sizeBands?: CompanySizeBand[];
  /** The lead's estimated value must fall in [min, max], in this currency. */
  priceBand?: { currency: string; min?: number; max?: number };
  territories?: string[];
  /** The lead must name at least one of these needs. */
  needTags?: string[];
}

export interface SegmentDefinition {
  segmentId: string;
  criteria: SegmentCriteria;
}

export interface LeadProfile {
  industry?: string;
  sizeBand?: CompanySizeBand;
  estimatedValue?: Money;
  territory?: string;
  needTags: string[];
}

export function hasAnyCriterion(criteria: SegmentCriteria): boolean {
  return (
    (criteria.industries?.length ?? 0) > 0 ||
    (criteria.sizeBands?.length ?? 0) > 0 ||
    criteria.priceBand !== undefined ||
    (criteria.territories?.length ?? 0) > 0 ||
    (criteria.needTags?.length ?? 0) > 0
  );
}

const same = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

export function matchesSegment(criteria: SegmentCriteria, lead: LeadProfile): boolean {
  const anyOf = (wanted: string[] | undefined, actual: string | undefined): boolean =>
    wanted === undefined ||
    wanted.length === 0 ||
    (actual !== undefined && wanted.some((value) => same(value, actual)));
  const { priceBand } = criteria;
  const priceFits =
    priceBand === undefined ||
    (lead.estimatedValue !== undefined &&
      lead.estimatedValue.currency === priceBand.currency &&
      lead.estimatedValue.amount >= (priceBand.min ?? 0) &&
      lead.estimatedValue.amount <= (priceBand.max ?? Number.POSITIVE_INFINITY));
  const needsFit =
    criteria.needTags === undefined ||
    criteria.needTags.length === 0 ||
    criteria.needTags.some((need) => lead.needTags.some((tag) => same(tag, need)));
  return (
    anyOf(criteria.industries, lead.industry) &&
    anyOf(criteria.sizeBands, lead.sizeBand) &&
    anyOf(criteria.territories, lead.territory) &&
    priceFits &&
    needsFit
  );
}

/** Ids of the segments the lead meets, in a stable order. */
export function segmentsMatching(lead: LeadProfile, segments: readonly SegmentDefinition[]): string[] {
  return segments
    .filter((segment) => matchesSegment(segment.criteria, lead))
    .map((segment) => segment.segmentId)
    .sort();
}
