import type { DomainEvent } from '@salesos/event-sourcing';
import type { CompanySizeBand, Money } from '@salesos/kernel';
import type { AssignmentRuleFired } from '../../assignment';
import type { ScoreReason } from './lead-scoring';

export interface LeadContact {
  name: string;
  email?: string;
  phone?: string;
}

export interface LeadCompany {
  name: string;
  industry?: string;
  sizeBand?: CompanySizeBand;
}

/** New values for what the lead told us about itself; absent fields stay as they are. */
export interface LeadDetailsChanges {
  contact?: { name?: string; email?: string; phone?: string };
  company?: { industry?: string; sizeBand?: CompanySizeBand };
  territory?: string;
  estimatedValue?: Money;
  needTags?: string[];
}

export type LeadCaptured = DomainEvent<
  'LeadCaptured',
  {
    leadId: string;
    divisionId: string;
    source: string;
    campaign?: string;
    contact: LeadContact;
    company: LeadCompany;
    territory?: string;
    estimatedValue?: Money;
    needTags: string[];
    segmentIds: string[];
    /** Known duplicates the caller chose to capture beside. */
    acceptedDuplicatesOf: string[];
    capturedAt: string;
  }
>;
export type LeadDetailsRevised = DomainEvent<
  'LeadDetailsRevised',
  { leadId: string; changes: LeadDetailsChanges; revisedAt: string }
>;
export type LeadScored = DomainEvent<'LeadScored', { leadId: string; score: number; reasons: ScoreReason[] }>;
export type LeadSegmentsMatched = DomainEvent<'LeadSegmentsMatched', { leadId: string; segmentIds: string[] }>;
export type LeadQualified = DomainEvent<
  'LeadQualified',
  { leadId: string; score: number; note?: string; qualifiedAt: string }
>;
export type LeadDisqualified = DomainEvent<
  'LeadDisqualified',
  { leadId: string; reason: string; disqualifiedAt: string }
>;
export type LeadNurtured = DomainEvent<
  'LeadNurtured',
  { leadId: string; until?: string; note?: string; nurturedAt: string }
>;
export type LeadAssigned = DomainEvent<
  'LeadAssigned',
  { leadId: string; repId: string; previousRepId?: string; rule: AssignmentRuleFired; assignedAt: string }
>;
export type LeadConverted = DomainEvent<
  'LeadConverted',
  { leadId: string; opportunityId: string; convertedAt: string }
>;
export type LeadMerged = DomainEvent<'LeadMerged', { leadId: string; intoLeadId: string; mergedAt: string }>;

export type LeadEvent =
  | LeadCaptured
  | LeadDetailsRevised
  | LeadScored
  | LeadSegmentsMatched
  | LeadQualified
  | LeadDisqualified
  | LeadNurtured
  | LeadAssigned
  | LeadConverted
  | LeadMerged;
