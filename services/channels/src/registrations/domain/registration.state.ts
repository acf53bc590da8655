import type { Money } from '@salesos/kernel';
import type { RegistrationAnswer } from './registration.commands';

export interface Registration {
  status: 'submitted' | 'accepted' | 'conflicted' | 'lapsed' | 'won' | 'lost';
  registrationId: string;
  divisionId: string;
  dealerId: string;
  companyName: string;
  contactEmail?: string;
  productGroup?: string;
  estimatedValue?: Money;
  submittedBy: string;
  submittedAt: string;
  /** The leads service's answer, once recorded. */
  answer?: RegistrationAnswer;
  leadId?: string;
  /** The deal the registration is tied to: linked by the acceptance, or the first deal that progressed. */
  opportunityId?: string;
  expiresOn?: string;
  /** The stage the deal last reached. */
  stage?: string;
  /** Submission, acceptance or the latest progress; once accepted, the lapse clock counts from here. */
  lastActivityAt: string;
  /** When it lapsed, was won or lost. */
  closedAt?: string;
}

export type RegistrationState = { status: 'none' } | Registration;
