import { Type } from '@sinclair/typebox';
import { Id, Money, text } from '@salesos/kernel';
import { Territory } from './leads.fields';

/**
 * The channels service's published vocabulary: the rules of the fields its contracts carry, written once. Ids, money,
 * days and instants come from the kernel; company names, e-mails and territories from the leads vocabulary.
 */
export const ChannelsReason = text(1, 500, 'Why, in the words of whoever decided it');
export const ProductGroup = text(1, 80);
export const AgreementVersion = Type.Integer({ minimum: 1, description: 'The version of the agreement, from 1' });
/** The cooperation terms one signed version of an agreement grants the dealer. */
export const AgreementTermsShape = Type.Object({
  discountPercent: Type.Number({ minimum: 0, maximum: 100 }),
  territories: Type.Array(Territory, { maxItems: 200 }),
  productGroups: Type.Array(ProductGroup, { maxItems: 200 }),
  exclusivity: Type.Boolean(),
  /** The territories where the dealer is the only one: some or all of `territories`, none without exclusivity. */
  exclusiveTerritories: Type.Array(Territory, { maxItems: 200 }),
  paymentTermsDays: Type.Integer({ minimum: 0, maximum: 365 }),
  /** The rebate programme these terms enrol the dealer in, if any. */
  rebateProgrammeId: Type.Optional(Id),
});
/** A plan or budget period: a year (2026), a quarter (2026-Q3) or a month (2026-07), in UTC. */
export const DealerPeriod = Type.String({
  pattern: '^(\\d{4})(?:-Q([1-4])|-(0[1-9]|1[0-2]))?$',
  description: 'A year (2026), a quarter (2026-Q3) or a month (2026-07)',
});
export const PlanUnits = Type.Integer({ minimum: 0, maximum: 1_000_000_000 });
/** What a product group contributes to a dealer's plan. */
export const PlanProductMix = Type.Array(Type.Object({ productGroup: Id, value: Money, units: PlanUnits }), {
  maxItems: 200,
});
/** The payment's reference in the books: a transfer or document number. */
export const PaymentReference = text(1, 200);
