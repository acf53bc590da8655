import { type Static, Type } from '@sinclair/typebox';
import { Industry, NeedTag, Territory } from '@salesos/contracts';
import { CompanySizeBand, maxAmount, type Money } from '@salesos/kernel';

const amount = Type.Number({ minimum: 0, maximum: maxAmount });

/** Who a target audience is; every criterion given must hold, lists mean "any of". */
export const SegmentCriteria = Type.Object({
  industries: Type.Optional(Type.Array(Industry, { maxItems: 50 })),
  sizeBands: Type.Optional(Type.Array(CompanySizeBand, { maxItems: 5 })),
  /** The lead's estimated value must fall in [min, max], in this currency. */
  priceBand: Type.Optional(
    Type.Object({
      currency: Type.String({ pattern: '^[A-Z]{3}$' }),
      min: Type.Optional(amount),
      max: Type.Optional(amount),
    }),
  ),
  territories: Type.Optional(Type.Array(Territory, { maxItems: 50 })),
  /** The lead must name at least one of these needs. */
  needTags: Type.Optional(Type.Array(NeedTag, { maxItems: 50 })),
});
export type SegmentCriteria = Static<typeof SegmentCriteria>;

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
