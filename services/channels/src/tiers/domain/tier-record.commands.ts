import type { Command } from '@salesos/event-sourcing';
import type { TierFigures } from './qualifying-tier';
import type { TierProgrammeDefinition } from './tier-programme.events';

/** The division's programme, as the application loaded it, rides on the commands that need its tiers. */
type WithProgramme = { programme: TierProgrammeDefinition };

/** Sets a tier directly; the first assignment opens the dealer's tier record. */
export type AssignTier = Command<
  'AssignTier',
  WithProgramme & {
    changeId: string;
    dealerId: string;
    divisionId: string;
    tierId: string;
    effectiveFrom: string;
    assignedBy: string;
  }
>;
export type ProposeTierChange = Command<
  'ProposeTierChange',
  WithProgramme & { reviewId: string; figures: TierFigures }
>;
export type ConfirmTierChange = Command<
  'ConfirmTierChange',
  { reviewId: string; confirmedBy: string; effectiveFrom: string }
>;
export type RejectTierProposal = Command<
  'RejectTierProposal',
  { reviewId: string; rejectedBy: string; reason: string }
>;
export type CorrectTier = Command<
  'CorrectTier',
  WithProgramme & { correctionId: string; corrects: string; tierId: string; reason: string; correctedBy: string }
>;

export type TierRecordCommand = AssignTier | ProposeTierChange | ConfirmTierChange | RejectTierProposal | CorrectTier;
