import type { Command } from '@salesos/event-sourcing';
import type { Money } from '@salesos/kernel';
import type { AssignmentDecision, AssignmentRuleFired } from '../../assignment';
import type { SegmentDefinition } from '../../core/domain/target-audience';
import type { DuplicateMatch } from './duplicate-detection';
import type { ScoringRules } from './lead-scoring';
import type { LeadCompany, LeadContact, LeadDetailsChanges } from './lead.events';

export type CaptureLead = Command<
  'CaptureLead',
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
    /** Segments of the division whose criteria the lead meets, matched by the application. */
    segmentIds: string[];
    /** Existing leads of the division sharing an email, phone or company name, found by the application. */
    duplicates: DuplicateMatch[];
    /** Capture even though duplicates exist. */
    force: boolean;
    /**
     * The rep the division's rules route the lead to, chosen by the application: captured and routed in one
     * decision, so a lead is never stored without the routing its rules gave it.
     */
    routing?: AssignmentDecision;
    /** The division's scoring rules; the defaults without them. */
    scoring?: ScoringRules;
  }
>;
export type ReviseLeadDetails = Command<
  'ReviseLeadDetails',
  {
    changes: LeadDetailsChanges;
    /** The division's active segments, to match the revised lead against. */
    activeSegments: readonly SegmentDefinition[];
    /** The division's scoring rules, to score the revised lead by; the defaults without them. */
    scoring?: ScoringRules;
  }
>;
/** Matches and scores the lead as it is against the division's active segments and scoring rules, after they changed. */
export type RematchLeadSegments = Command<
  'RematchLeadSegments',
  { activeSegments: readonly SegmentDefinition[]; scoring?: ScoringRules }
>;
export type QualifyLead = Command<'QualifyLead', { note?: string }>;
export type DisqualifyLead = Command<'DisqualifyLead', { reason: string }>;
export type NurtureLead = Command<'NurtureLead', { until?: string; note?: string }>;
export type AssignLead = Command<'AssignLead', { repId: string; rule: AssignmentRuleFired }>;
export type ConvertLead = Command<'ConvertLead', { opportunityId: string }>;
export type MergeLead = Command<'MergeLead', { intoLeadId: string }>;

export type LeadCommand =
  | CaptureLead
  | ReviseLeadDetails
  | RematchLeadSegments
  | QualifyLead
  | DisqualifyLead
  | NurtureLead
  | AssignLead
  | ConvertLead
  | MergeLead;
