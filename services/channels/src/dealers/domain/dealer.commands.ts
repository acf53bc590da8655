import type { Command } from '@salesos/event-sourcing';
import type { ChannelKind } from '../../core/domain/channel-kind';

export type ApplyAsDealer = Command<
  'ApplyAsDealer',
  {
    dealerId: string;
    divisionId: string;
    companyName: string;
    contactEmail: string;
    channelId: string;
    /** The kind of the channel `channelId` names, as the application read it: only some kinds have dealers. */
    channelKind: ChannelKind;
    territories: string[];
    productGroups: string[];
    appliedBy: string;
  }
>;
export type ApproveApplication = Command<'ApproveApplication', Record<string, never>>;
export type RejectApplication = Command<'RejectApplication', { reason: string }>;
export type TickRequirement = Command<
  'TickRequirement',
  { requirementId: string; evidence: string; evidenceUrl?: string; tickedBy: string }
>;
export type ActivateDealer = Command<'ActivateDealer', Record<string, never>>;
export type SuspendDealer = Command<'SuspendDealer', { reason: string }>;
export type ReinstateDealer = Command<'ReinstateDealer', Record<string, never>>;
/** `effectiveDay`: the last day the dealer may sell. */
export type TerminateDealer = Command<'TerminateDealer', { reason: string; effectiveDay: string }>;
export type AddDealerUser = Command<'AddDealerUser', { userId: string }>;
export type RemoveDealerUser = Command<'RemoveDealerUser', { userId: string }>;

export type DealerCommand =
  | ApplyAsDealer
  | ApproveApplication
  | RejectApplication
  | TickRequirement
  | ActivateDealer
  | SuspendDealer
  | ReinstateDealer
  | TerminateDealer
  | AddDealerUser
  | RemoveDealerUser;
