import type { DomainEvent } from '@salesos/event-sourcing';
import type { Money } from '@salesos/kernel';

export interface ProductLine {
  productId: string;
  quantity: number;
}

export type ChannelAttribution = { kind: 'direct' } | { kind: 'dealer'; dealerId: string };

export type OpportunityOpened = DomainEvent<
  'OpportunityOpened',
  {
    opportunityId: string;
    divisionId: string;
    leadId?: string;
    accountName: string;
    pipelineId: string;
    stageId: string;
    probability: number;
    amount: Money;
    expectedCloseDate: string;
    products: ProductLine[];
    channel: ChannelAttribution;
    ownerRepId?: string;
    /** The team the lead it comes from was routed to; none for a deal opened on its own. */
    teamId?: string;
    openedAt: string;
  }
>;
export type OpportunityStageChanged = DomainEvent<
  'OpportunityStageChanged',
  {
    opportunityId: string;
    pipelineId: string;
    fromStage: string;
    toStage: string;
    probability: number;
    direction: 'forward' | 'backward';
    /** The forecast amount when the deal moved, so pipeline movement can be valued. */
    amount: Money;
    changedAt: string;
  }
>;
/**
 * A changed belief about the deal. `effectiveAt` is when the belief became true in the business (it may be earlier
 * than the command, e.g. a call last Friday); the store's recordedAt says when the system learned it.
 */
export type OpportunityForecastRevised = DomainEvent<
  'OpportunityForecastRevised',
  {
    opportunityId: string;
    amount: Money;
    expectedCloseDate: string;
    previousAmount: Money;
    previousExpectedCloseDate: string;
    effectiveAt: string;
  }
>;
export type OpportunityProductsChanged = DomainEvent<
  'OpportunityProductsChanged',
  { opportunityId: string; products: ProductLine[]; changedAt: string }
>;
export type OpportunityChannelAttributed = DomainEvent<
  'OpportunityChannelAttributed',
  { opportunityId: string; channel: ChannelAttribution; attributedAt: string }
>;
export type OpportunityWon = DomainEvent<
  'OpportunityWon',
  { opportunityId: string; amount: Money; stageId: string; channel: ChannelAttribution; wonAt: string }
>;
export type OpportunityLost = DomainEvent<
  'OpportunityLost',
  { opportunityId: string; reason: string; stageId: string; lostAt: string }
>;
export type OpportunityReopened = DomainEvent<
  'OpportunityReopened',
  { opportunityId: string; stageId: string; probability: number; reopenedAt: string }
>;

export type OpportunityEvent =
  | OpportunityOpened
  | OpportunityStageChanged
  | OpportunityForecastRevised
  | OpportunityProductsChanged
  | OpportunityChannelAttributed
  | OpportunityWon
  | OpportunityLost
  | OpportunityReopened;
