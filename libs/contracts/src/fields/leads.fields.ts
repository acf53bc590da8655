import { Type } from '@sinclair/typebox';
import { Id, idPattern, oneOf, text } from '@salesos/kernel';

/**
 * The leads service's published vocabulary: each field's rules are written here once, and the contracts, the
 * service's events and its request bodies all take them from here.
 */
export const LeadSource = text(1, 60, 'Where the lead came from: web, referral, fair, ...');
export const Campaign = text(1, 120);
export const CompanyName = text(1, 200);
export const ContactName = text(1, 200);
export const Industry = text(1, 80);
export const Territory = text(1, 80);
export const NeedTag = text(1, 40);
export const NeedTags = Type.Array(NeedTag, { maxItems: 20 });
export const DisqualificationReason = text(1, 200);
export const AccountName = text(1, 200);
/** Pipeline and stage ids are ids, so that they can name a division's own pipelines. */
export const StageId = Type.String({ minLength: 1, maxLength: 60, pattern: idPattern.source });
export const Probability = Type.Number({ minimum: 0, maximum: 1 });
export const LossReason = text(1, 60);
export const WonReason = text(1, 60);
export const LeadScore = Type.Number({ minimum: 0, maximum: 100 });
export const Quantity = Type.Integer({ minimum: 1, maximum: 1_000_000 });
export const ProductLine = Type.Object({ productId: Id, quantity: Quantity });
export const ProductLines = Type.Array(ProductLine, { maxItems: 100 });
export const channelKinds = ['direct', 'dealer'] as const;
export const ChannelKind = oneOf(channelKinds);
/** Optional in the opportunity events: deals attributed before 1.8.0, and direct ones, carry none. */
export const DealerChannelId = Type.String({
  minLength: 1,
  maxLength: 100,
  pattern: idPattern.source,
  description: 'The channel the dealer sells through, as the channels service recorded the dealer (since 1.8.0).',
});
export const assignmentRuleKinds = ['manual', 'territory-segment', 'round-robin', 'least-loaded'] as const;
export const AssignmentRuleKind = oneOf(assignmentRuleKinds);
export const DealRegistrationRule = text(1, 200);
export const Email = Type.String({ minLength: 3, maxLength: 254 });
export const Phone = Type.String({
  pattern: '^\\+?[0-9 ()./-]{6,30}$',
  description: '6 to 30 digits, spaces or + ( ) . / -',
});
export const Note = text(1, 500);
