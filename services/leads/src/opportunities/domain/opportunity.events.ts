import { type Static, Type } from '@sinclair/typebox';
import {
  AccountName,
  DealerChannelId,
  LossReason,
  Probability,
  type ProductLine,
  ProductLines,
  StageId,
  WonReason,
} from '@salesos/contracts';
import { defineEvents, type EventOf } from '@salesos/event-sourcing';
import { CalendarDay, Id, Instant, Money } from '@salesos/kernel';

export type ProductLine = Static<typeof ProductLine>;

/**
 * Direct, or a dealer known to the channels service, with the channel the dealer sells through as that service
 * recorded it (absent on attributions made before the leads service heard of the channels' dealers).
 */
export const ChannelAttribution = Type.Union([
  Type.Object({ kind: Type.Literal('direct') }),
  Type.Object({ kind: Type.Literal('dealer'), dealerId: Id, channelId: Type.Optional(DealerChannelId) }),
]);
export type ChannelAttribution = Static<typeof ChannelAttribution>;

/**
 * An opportunity's events, defined once: their types follow from these schemas, and the codec checks them on the way
 * into the store and out of it.
 */
export const opportunityEvents = defineEvents({
  OpportunityOpened: Type.Object({
    opportunityId: Id,
    divisionId: Id,
    leadId: Type.Optional(Id),
    accountName: AccountName,
    pipelineId: Id,
    stageId: StageId,
    probability: Probability,
    amount: Money,
    expectedCloseDate: CalendarDay,
    products: ProductLines,
    channel: ChannelAttribution,
    ownerRepId: Type.Optional(Id),
    /** The team the lead it comes from was routed to; none for a deal opened on its own. */
    teamId: Type.Optional(Id),
    openedAt: Instant,
  }),
  OpportunityStageChanged: Type.Object({
    opportunityId: Id,
    pipelineId: Id,
    fromStage: StageId,
    toStage: StageId,
    probability: Probability,
    direction: Type.Union([Type.Literal('forward'), Type.Literal('backward')]),
    /** The forecast amount when the deal moved, so pipeline movement can be valued. */
    amount: Money,
    changedAt: Instant,
  }),
  /**
   * A changed belief about the deal. `effectiveAt` is when the belief became true in the business (it may be earlier
   * than the command, e.g. a call last Friday); the store's recordedAt says when the system learned it.
   */
  OpportunityForecastRevised: Type.Object({
    opportunityId: Id,
    amount: Money,
    expectedCloseDate: CalendarDay,
    previousAmount: Money,
    previousExpectedCloseDate: CalendarDay,
    effectiveAt: Instant,
  }),
  OpportunityProductsChanged: Type.Object({ opportunityId: Id, products: ProductLines, changedAt: Instant }),
  OpportunityChannelAttributed: Type.Object({ opportunityId: Id, channel: ChannelAttribution, attributedAt: Instant }),
  OpportunityWon: Type.Object({
    opportunityId: Id,
    amount: Money,
    stageId: StageId,
    channel: ChannelAttribution,
    /** One of the division's won reasons, when the winner gave one. */
    reason: Type.Optional(WonReason),
    wonAt: Instant,
  }),
  OpportunityLost: Type.Object({ opportunityId: Id, reason: LossReason, stageId: StageId, lostAt: Instant }),
  OpportunityReopened: Type.Object({
    opportunityId: Id,
    stageId: StageId,
    probability: Probability,
    reopenedAt: Instant,
  }),
});

export type OpportunityEvent = EventOf<typeof opportunityEvents>;
type OpportunityEventOf<Type extends OpportunityEvent['type']> = Extract<OpportunityEvent, { type: Type }>;
export type OpportunityOpened = OpportunityEventOf<'OpportunityOpened'>;
export type OpportunityStageChanged = OpportunityEventOf<'OpportunityStageChanged'>;
export type OpportunityForecastRevised = OpportunityEventOf<'OpportunityForecastRevised'>;
export type OpportunityProductsChanged = OpportunityEventOf<'OpportunityProductsChanged'>;
export type OpportunityChannelAttributed = OpportunityEventOf<'OpportunityChannelAttributed'>;
export type OpportunityWon = OpportunityEventOf<'OpportunityWon'>;
export type OpportunityLost = OpportunityEventOf<'OpportunityLost'>;
export type OpportunityReopened = OpportunityEventOf<'OpportunityReopened'>;
