import type { Command } from '@salesos/event-sourcing';
import type { Money } from '@salesos/kernel';
import type { ChannelAttribution, ProductLine } from './opportunity.events';
import type { PipelineDefinition } from './pipeline';

export type OpenOpportunity = Command<
  'OpenOpportunity',
  {
    opportunityId: string;
    divisionId: string;
    leadId?: string;
    accountName: string;
    /** The division's pipeline the deal runs in, as the application resolved it. */
    pipeline: PipelineDefinition;
    /** Defaults to the pipeline's first stage. */
    stageId?: string;
    amount: Money;
    expectedCloseDate: string;
    products: ProductLine[];
    channel: ChannelAttribution;
    ownerRepId?: string;
    /** The team the lead it comes from was routed to. */
    teamId?: string;
  }
>;
/** `pipelines` are the division's; the decider takes the one the opportunity runs in. */
export type MoveOpportunityStage = Command<
  'MoveOpportunityStage',
  { pipelines: readonly PipelineDefinition[]; stageId: string }
>;
export type ReviseForecast = Command<
  'ReviseForecast',
  { amount?: Money; expectedCloseDate?: string; effectiveAt?: string }
>;
export type ChangeProducts = Command<'ChangeProducts', { products: ProductLine[] }>;
export type AttributeChannel = Command<'AttributeChannel', { channel: ChannelAttribution }>;
/** A won reason, when given, is one of `allowedReasons`: the division's won reasons. */
export type WinOpportunity = Command<
  'WinOpportunity',
  { amount?: Money; reason?: string; allowedReasons?: readonly string[] }
>;
export type LoseOpportunity = Command<'LoseOpportunity', { reason: string; allowedReasons: readonly string[] }>;
export type ReopenOpportunity = Command<
  'ReopenOpportunity',
  { pipelines: readonly PipelineDefinition[]; stageId?: string }
>;

export type OpportunityCommand =
  | OpenOpportunity
  | MoveOpportunityStage
  | ReviseForecast
  | ChangeProducts
  | AttributeChannel
  | WinOpportunity
  | LoseOpportunity
  | ReopenOpportunity;
