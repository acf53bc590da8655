import { type Static, Type } from '@sinclair/typebox';
import {
  Campaign,
  CompanyName,
  ContactName,
  DisqualificationReason,
  Email,
  Industry,
  LeadScore,
  LeadSource,
  NeedTags,
  Note,
  Phone,
  Territory,
} from '@salesos/contracts';
import { defineEvents, type EventOf } from '@salesos/event-sourcing';
import { CalendarDay, CompanySizeBand, Id, Instant, Money, text } from '@salesos/kernel';
import { AssignmentRuleFired } from '../../core/domain/assignment-rule-fired';

export const LeadContact = Type.Object({ name: ContactName, email: Type.Optional(Email), phone: Type.Optional(Phone) });
export type LeadContact = Static<typeof LeadContact>;

export const LeadCompany = Type.Object({
  name: CompanyName,
  industry: Type.Optional(Industry),
  sizeBand: Type.Optional(CompanySizeBand),
});
export type LeadCompany = Static<typeof LeadCompany>;

/** New values for what the lead told us about itself; absent fields stay as they are. */
export const LeadDetailsChanges = Type.Object({
  contact: Type.Optional(
    Type.Object({ name: Type.Optional(ContactName), email: Type.Optional(Email), phone: Type.Optional(Phone) }),
  ),
  company: Type.Optional(Type.Object({ industry: Type.Optional(Industry), sizeBand: Type.Optional(CompanySizeBand) })),
  territory: Type.Optional(Territory),
  estimatedValue: Type.Optional(Money),
  needTags: Type.Optional(NeedTags),
});
export type LeadDetailsChanges = Static<typeof LeadDetailsChanges>;

export const ScoreReason = Type.Object({ rule: text(1, 60), points: Type.Number(), explanation: text(1, 300) });
export type ScoreReason = Static<typeof ScoreReason>;

const LeadId = Id;

/**
 * A lead's events, defined once: their types follow from these schemas, what a command decides is checked against
 * them before it is appended, and what is read back is checked against them before anything folds it.
 */
export const leadEvents = defineEvents({
  LeadCaptured: Type.Object({
    leadId: LeadId,
    divisionId: Id,
    source: LeadSource,
    campaign: Type.Optional(Campaign),
    contact: LeadContact,
    company: LeadCompany,
    territory: Type.Optional(Territory),
    estimatedValue: Type.Optional(Money),
    needTags: NeedTags,
    segmentIds: Type.Array(Id),
    /** Known duplicates the caller chose to capture beside. */
    acceptedDuplicatesOf: Type.Array(Id),
    capturedAt: Instant,
  }),
  LeadDetailsRevised: Type.Object({ leadId: LeadId, changes: LeadDetailsChanges, revisedAt: Instant }),
  LeadScored: Type.Object({ leadId: LeadId, score: LeadScore, reasons: Type.Array(ScoreReason) }),
  LeadSegmentsMatched: Type.Object({ leadId: LeadId, segmentIds: Type.Array(Id) }),
  LeadQualified: Type.Object({ leadId: LeadId, score: LeadScore, note: Type.Optional(Note), qualifiedAt: Instant }),
  LeadDisqualified: Type.Object({ leadId: LeadId, reason: DisqualificationReason, disqualifiedAt: Instant }),
  LeadNurtured: Type.Object({
    leadId: LeadId,
    until: Type.Optional(CalendarDay),
    note: Type.Optional(Note),
    nurturedAt: Instant,
  }),
  LeadAssigned: Type.Object({
    leadId: LeadId,
    repId: Id,
    previousRepId: Type.Optional(Id),
    rule: AssignmentRuleFired,
    assignedAt: Instant,
  }),
  LeadConverted: Type.Object({ leadId: LeadId, opportunityId: Id, convertedAt: Instant }),
  LeadMerged: Type.Object({ leadId: LeadId, intoLeadId: Id, mergedAt: Instant }),
});

export type LeadEvent = EventOf<typeof leadEvents>;
type LeadEventOf<Type extends LeadEvent['type']> = Extract<LeadEvent, { type: Type }>;
export type LeadCaptured = LeadEventOf<'LeadCaptured'>;
export type LeadDetailsRevised = LeadEventOf<'LeadDetailsRevised'>;
export type LeadScored = LeadEventOf<'LeadScored'>;
export type LeadSegmentsMatched = LeadEventOf<'LeadSegmentsMatched'>;
export type LeadQualified = LeadEventOf<'LeadQualified'>;
export type LeadDisqualified = LeadEventOf<'LeadDisqualified'>;
export type LeadNurtured = LeadEventOf<'LeadNurtured'>;
export type LeadAssigned = LeadEventOf<'LeadAssigned'>;
export type LeadConverted = LeadEventOf<'LeadConverted'>;
export type LeadMerged = LeadEventOf<'LeadMerged'>;
