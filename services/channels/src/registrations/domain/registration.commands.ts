import type { Command } from '@salesos/event-sourcing';
import type { Money } from '@salesos/kernel';

export type SubmitRegistration = Command<
  'SubmitRegistration',
  {
    registrationId: string;
    divisionId: string;
    dealerId: string;
    companyName: string;
    contactEmail?: string;
    productGroup?: string;
    estimatedValue?: Money;
    /** The dealer's user who registered the deal. */
    submittedBy: string;
  }
>;

/** The leads service's answer, as its DealRegistrationAccepted / DealRegistrationConflicted events carry it. */
export type RegistrationAnswer =
  | {
      answer: 'accepted';
      rule: string;
      leadId?: string;
      opportunityId?: string;
      expiresOn?: string;
      decidedAt: string;
    }
  | {
      answer: 'conflicted';
      rule: string;
      conflictingLeadIds: string[];
      conflictingOpportunityIds: string[];
      decidedAt: string;
    };
export type RecordRegistrationAnswer = Command<'RecordRegistrationAnswer', RegistrationAnswer>;

/** The registered deal moved (from the leads service's opportunity events). */
export type RecordRegistrationProgress = Command<
  'RecordRegistrationProgress',
  { opportunityId: string; stage: string; at: string }
>;

/** Fired by the durable timer; `lapseAfterDays` is the division's setting, given by the application. */
export type LapseRegistration = Command<'LapseRegistration', { at: string; lapseAfterDays: number }>;

export type RecordRegistrationOutcome = Command<
  'RecordRegistrationOutcome',
  { outcome: 'won' | 'lost'; opportunityId: string; /** When the deal closed; now by default. */ at?: string }
>;

export type RegistrationCommand =
  | SubmitRegistration
  | RecordRegistrationAnswer
  | RecordRegistrationProgress
  | LapseRegistration
  | RecordRegistrationOutcome;
