import { type Static, Type } from '@sinclair/typebox';
import { defineEvents, type EventOf } from '@salesos/event-sourcing';
import { Id, Instant, Money, text } from '@salesos/kernel';
import { Period } from '../../core/domain/period';

export const Units = Type.Integer({ minimum: 0, maximum: 1_000_000_000 });

/** What a product group contributes to the plan. */
export const ProductMixLine = Type.Object({ productGroup: Id, value: Money, units: Units });
export type ProductMixLine = Static<typeof ProductMixLine>;
export const ProductMix = Type.Array(ProductMixLine, { maxItems: 200 });

const plan = { dealerId: Id, divisionId: Id, period: Period };

/** A dealer's plan for a period, revised with history, and the deals won against it. */
export const planEvents = defineEvents({
  /** One revision of the plan, numbered from 1; earlier revisions stay in the stream as the plan's history. */
  DealerPlanSet: Type.Object({
    ...plan,
    revision: Type.Integer({ minimum: 1 }),
    value: Money,
    units: Units,
    productMix: ProductMix,
    setBy: Id,
    reason: text(1, 500),
    setAt: Instant,
  }),
  /** A deal won through the dealer in the period; a later one for the same deal supersedes it (the deal counts once). */
  PlanActualRecorded: Type.Object({
    ...plan,
    opportunityId: Id,
    value: Money,
    units: Units,
    productGroup: Id,
    wonAt: Instant,
    recordedAt: Instant,
  }),
});

export type PlanEvent = EventOf<typeof planEvents>;
export type DealerPlanSet = Extract<PlanEvent, { type: 'DealerPlanSet' }>;
export type PlanActualRecorded = Extract<PlanEvent, { type: 'PlanActualRecorded' }>;
