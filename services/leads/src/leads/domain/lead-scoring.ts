import { type Static, Type } from '@sinclair/typebox';
import { LeadSource } from '@salesos/contracts';
import type { CompanySizeBand, Money } from '@salesos/kernel';
import type { ScoreReason } from './lead.events';

export interface LeadScore {
  /** 0 to 100. */
  score: number;
  reasons: ScoreReason[];
}

export interface ScoringInput {
  source: string;
  estimatedValue?: Money;
  sizeBand?: CompanySizeBand;
  email?: string;
  phone?: string;
  segmentIds: readonly string[];
  needTags: readonly string[];
}

/** Points a rule gives: a whole number from 0 to 100 (a lead's score is capped at 100). */
const Points = Type.Integer({ minimum: 0, maximum: 100 });

/** A division's scoring rules: how many points each thing the lead told us is worth. */
export const ScoringRules = Type.Object({
  /** Points by lead source (compared without regard to case); other sources give none. */
  sources: Type.Array(Type.Object({ source: LeadSource, points: Points }), { maxItems: 50 }),
  /** Points by estimated value: the highest tier the amount reaches counts (in any currency, as given). */
  estimatedValue: Type.Array(
    Type.Object({ atLeast: Type.Number({ minimum: 0, maximum: 1_000_000_000_000 }), points: Points }),
    { maxItems: 10 },
  ),
  companySize: Type.Object({ micro: Points, small: Points, mid: Points, large: Points, enterprise: Points }),
  reachableEmail: Points,
  reachablePhone: Points,
  perSegment: Points,
  segmentsAtMost: Points,
  perNeed: Points,
  needsAtMost: Points,
});
export type ScoringRules = Static<typeof ScoringRules>;

/** The rules every division scores by until it sets its own. */
export const defaultScoringRules: ScoringRules = {
  sources: [
    { source: 'referral', points: 20 },
    { source: 'dealer', points: 15 },
    { source: 'partner', points: 15 },
    { source: 'event', points: 10 },
    { source: 'web', points: 5 },
  ],
  estimatedValue: [
    { atLeast: 5_000, points: 5 },
    { atLeast: 25_000, points: 15 },
    { atLeast: 100_000, points: 25 },
  ],
  companySize: { enterprise: 15, large: 10, mid: 5, small: 2, micro: 0 },
  reachableEmail: 5,
  reachablePhone: 5,
  perSegment: 10,
  segmentsAtMost: 20,
  perNeed: 3,
  needsAtMost: 9,
};

/** Rule-based scoring by the division's rules: every point comes with the rule that gave it and why. */
export function scoreLead(input: ScoringInput, rules: ScoringRules = defaultScoringRules): LeadScore {
  const reasons: ScoreReason[] = [];
  const add = (rule: string, points: number, explanation: string): void => {
    if (points > 0) reasons.push({ rule, points, explanation });
  };
  const source = input.source.toLowerCase();
  const sourceRule = rules.sources.find((candidate) => candidate.source.toLowerCase() === source);
  add('source', sourceRule?.points ?? 0, `source '${input.source}'`);
  const value = input.estimatedValue?.amount ?? 0;
  const tier = rules.estimatedValue
    .filter((candidate) => value >= candidate.atLeast)
    .reduce<{ atLeast: number; points: number } | undefined>(
      (best, candidate) => (best === undefined || candidate.atLeast > best.atLeast ? candidate : best),
      undefined,
    );
  add('estimated-value', tier?.points ?? 0, `estimated value ${value} ${input.estimatedValue?.currency ?? ''}`.trim());
  if (input.sizeBand !== undefined) {
    add('company-size', rules.companySize[input.sizeBand], `company size ${input.sizeBand}`);
  }
  if (input.email !== undefined) add('reachable-email', rules.reachableEmail, 'an email address to reach the contact');
  if (input.phone !== undefined) add('reachable-phone', rules.reachablePhone, 'a phone number to reach the contact');
  add(
    'segment-fit',
    Math.min(rules.segmentsAtMost, rules.perSegment * input.segmentIds.length),
    `fits ${input.segmentIds.length} target segment(s)`,
  );
  add(
    'stated-needs',
    Math.min(rules.needsAtMost, rules.perNeed * input.needTags.length),
    `states ${input.needTags.length} need(s)`,
  );
  const total = reasons.reduce((sum, reason) => sum + reason.points, 0);
  return { score: Math.min(100, total), reasons };
}
