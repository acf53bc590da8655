import { Type } from '@sinclair/typebox';
import { Id, oneOf, text } from '@salesos/kernel';

/**
 * The staffing service's published vocabulary: the rules of the fields its contracts carry, written once, which its
 * events and request bodies take from here too. Ids and days come from the kernel.
 */
export const StaffingReason = text(1, 500, 'Why, in the words of whoever decided it');
export const UnitName = text(1, 120);
/**
 * The units below a division: departments sit under the division, teams under a department or the division. The
 * division itself is the root of the tree and no unit.
 */
export const unitKinds = ['department', 'team'] as const;
export type UnitKind = (typeof unitKinds)[number];
export const UnitKind = oneOf(
  unitKinds,
  'department (under the division) or team (under a department or the division)',
);
/** A cut of a unit: the product groups, customer segments or territories it covers; empty: not cut that way. */
export const UnitCut = Type.Array(Id, { maxItems: 200 });
/**
 * A ramp schedule: the share of full quota a new hire carries in each month of tenure, the first month first; each
 * above 0 and at most 1, never falling, the last one 1 (full quota from then on).
 */
export const RampShares = Type.Array(Type.Number({ exclusiveMinimum: 0, maximum: 1 }), { minItems: 1, maxItems: 36 });

/** An assessment's result, in points out of 100. */
export const AssessmentScore = Type.Number({ minimum: 0, maximum: 100, description: 'Points out of 100' });
/** The lowest score, out of 100, that passes a course's assessment. */
export const PassMark = Type.Integer({ minimum: 0, maximum: 100, description: 'The lowest score that passes' });
/** How many months a pass of a course certifies; a course without it certifies for good. */
export const CertificationValidityMonths = Type.Integer({ minimum: 1, maximum: 120 });
