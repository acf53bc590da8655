import type { CompanySizeBand } from '@salesos/kernel';
import type { Money } from '@salesos/kernel';
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

const sourcePoints: Record<string, number> = { referral: 20, dealer: 15, partner: 15, event: 10, web: 5 };
const sizePoints: Record<CompanySizeBand, number> = { enterprise: 15, large: 10, mid: 5, small: 2, micro: 0 };

/** Rule-based scoring: every point comes with the rule that gave it and why. */
export function scoreLead(input: ScoringInput): LeadScore {
  const reasons: ScoreReason[] = [];
  const add = (rule: string, points: number, explanation: string): void => {
    if (points > 0) reasons.push({ rule, points, explanation });
  };
  const source = input.source.toLowerCase();
  add('source', sourcePoints[source] ?? 0, `source '${input.source}'`);
  const value = input.estimatedValue?.amount ?? 0;
  const valuePoints = value >= 100_000 ? 25 : value >= 25_000 ? 15 : value >= 5_000 ? 5 : 0;
  add('estimated-value', valuePoints, `estimated value ${value} ${input.estimatedValue?.currency ?? ''}`.trim());
  if (input.sizeBand !== undefined) add('company-size', sizePoints[input.sizeBand], `company size ${input.sizeBand}`);
  if (input.email !== undefined) add('reachable-email', 5, 'an email address to reach the contact');
  if (input.phone !== undefined) add('reachable-phone', 5, 'a phone number to reach the contact');
  add('segment-fit', Math.min(20, 10 * input.segmentIds.length), `fits ${input.segmentIds.length} target segment(s)`);
  add('stated-needs', Math.min(9, 3 * input.needTags.length), `states ${input.needTags.length} need(s)`);
  const total = reasons.reduce((sum, reason) => sum + reason.points, 0);
  return { score: Math.min(100, total), reasons };
}
