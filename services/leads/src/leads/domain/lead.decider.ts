import type { Decider } from '@salesos/event-sourcing';
import { type CompanySizeBand, type Money, sameMoney } from '@salesos/kernel';
import { type LeadProfile, segmentsMatching } from '../../core/domain/target-audience';
import type { LeadCommand } from './lead.commands';
import { LeadError, LeadErrorCode } from './lead.errors';
import { type LeadDetailsChanges, type LeadEvent, leadEvents } from './lead.events';
import { type LeadScore, scoreLead, type ScoringRules } from './lead-scoring';

export type LeadStatus = 'new' | 'nurturing' | 'qualified' | 'disqualified' | 'converted' | 'merged';

export interface Lead {
  status: LeadStatus;
  leadId: string;
  divisionId: string;
  source: string;
  companyName: string;
  contactName: string;
  email?: string;
  phone?: string;
  industry?: string;
  sizeBand?: CompanySizeBand;
  territory?: string;
  estimatedValue?: Money;
  needTags: string[];
  segmentIds: string[];
  score: number;
  ownerRepId?: string;
  /** The team the rule that assigned the lead chose from; none after a manual assignment. */
  teamId?: string;
  capturedAt: string;
}

export type LeadState = { status: 'none' } | Lead;

const sameSet = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((value) => b.includes(value));

/** The lead, if it exists in the caller's division; another division's lead is reported as not found. */
function existing(state: LeadState, command: LeadCommand): Lead {
  const division = command.metadata.divisionId;
  if (state.status === 'none' || (division !== undefined && division !== state.divisionId)) {
    throw new LeadError(LeadErrorCode.NotFound, 'No lead with this id in your division');
  }
  return state;
}

function requireStatus(lead: Lead, allowed: readonly LeadStatus[], action: string): void {
  if (!allowed.includes(lead.status)) {
    throw new LeadError(LeadErrorCode.InvalidTransition, `A ${lead.status} lead cannot be ${action}`, {
      status: lead.status,
    });
  }
}

/** What segment criteria look at. */
export function leadProfile(lead: Lead): LeadProfile {
  return {
    ...(lead.industry ? { industry: lead.industry } : {}),
    ...(lead.sizeBand ? { sizeBand: lead.sizeBand } : {}),
    ...(lead.estimatedValue ? { estimatedValue: lead.estimatedValue } : {}),
    ...(lead.territory ? { territory: lead.territory } : {}),
    needTags: lead.needTags,
  };
}

/** Only the changes that differ from the lead as it is; none means the revision is already in place. */
export function effectiveChanges(lead: Lead, changes: LeadDetailsChanges): LeadDetailsChanges {
  const differs = <T>(next: T | undefined, current: T | undefined): next is T => next !== undefined && next !== current;
  const contact = {
    ...(differs(changes.contact?.name, lead.contactName) ? { name: changes.contact.name } : {}),
    ...(differs(changes.contact?.email, lead.email) ? { email: changes.contact.email } : {}),
    ...(differs(changes.contact?.phone, lead.phone) ? { phone: changes.contact.phone } : {}),
  };
  const company = {
    ...(differs(changes.company?.industry, lead.industry) ? { industry: changes.company.industry } : {}),
    ...(differs(changes.company?.sizeBand, lead.sizeBand) ? { sizeBand: changes.company.sizeBand } : {}),
  };
  const value = changes.estimatedValue;
  const valueDiffers =
    value !== undefined && (lead.estimatedValue === undefined || !sameMoney(value, lead.estimatedValue));
  return {
    ...(Object.keys(contact).length > 0 ? { contact } : {}),
    ...(Object.keys(company).length > 0 ? { company } : {}),
    ...(differs(changes.territory, lead.territory) ? { territory: changes.territory } : {}),
    ...(valueDiffers ? { estimatedValue: value } : {}),
    ...(changes.needTags !== undefined && !sameSet(changes.needTags, lead.needTags)
      ? { needTags: changes.needTags }
      : {}),
  };
}

/** The lead with the revised details applied. */
export function withDetails(lead: Lead, changes: LeadDetailsChanges): Lead {
  return {
    ...lead,
    ...(changes.contact?.name !== undefined ? { contactName: changes.contact.name } : {}),
    ...(changes.contact?.email !== undefined ? { email: changes.contact.email } : {}),
    ...(changes.contact?.phone !== undefined ? { phone: changes.contact.phone } : {}),
    ...(changes.company?.industry !== undefined ? { industry: changes.company.industry } : {}),
    ...(changes.company?.sizeBand !== undefined ? { sizeBand: changes.company.sizeBand } : {}),
    ...(changes.territory !== undefined ? { territory: changes.territory } : {}),
    ...(changes.estimatedValue !== undefined ? { estimatedValue: changes.estimatedValue } : {}),
    ...(changes.needTags !== undefined ? { needTags: changes.needTags } : {}),
  };
}

/** A new segment match, and a new score when it moves, for a lead as it now is, by the division's scoring rules. */
function matched(lead: Lead, segmentIds: string[], scoring: ScoringRules | undefined): LeadEvent[] {
  const segmentsMoved = !sameSet(lead.segmentIds, segmentIds);
  const score = rescore(lead, segmentIds, scoring);
  return [
    ...(segmentsMoved ? [{ type: 'LeadSegmentsMatched' as const, data: { leadId: lead.leadId, segmentIds } }] : []),
    ...(score.score === lead.score ? [] : [{ type: 'LeadScored' as const, data: { leadId: lead.leadId, ...score } }]),
  ];
}

function rescore(lead: Lead, segmentIds: string[], scoring: ScoringRules | undefined): LeadScore {
  return scoreLead(
    {
      source: lead.source,
      ...(lead.estimatedValue ? { estimatedValue: lead.estimatedValue } : {}),
      ...(lead.sizeBand ? { sizeBand: lead.sizeBand } : {}),
      ...(lead.email ? { email: lead.email } : {}),
      ...(lead.phone ? { phone: lead.phone } : {}),
      segmentIds,
      needTags: lead.needTags,
    },
    scoring,
  );
}

const open: readonly LeadStatus[] = ['new', 'nurturing', 'qualified'];

export const leadDecider: Decider<LeadState, LeadCommand, LeadEvent> = {
  events: leadEvents,
  initialState: () => ({ status: 'none' }),

  decide(command, state): LeadEvent[] {
    const now = command.metadata.now;
    switch (command.type) {
      case 'CaptureLead': {
        const data = command.data;
        if (state.status !== 'none')
          throw new LeadError(LeadErrorCode.AlreadyExists, `Lead ${data.leadId} already exists`);
        if (data.duplicates.length > 0 && !data.force) {
          throw new LeadError(
            LeadErrorCode.Duplicate,
            `The division already has ${data.duplicates.length === 1 ? 'a lead' : 'leads'} for this prospect: ${data.duplicates
              .map((match) => `${match.leadId} (same ${match.matchedOn.join(', ')})`)
              .join('; ')}`,
            { duplicates: data.duplicates },
          );
        }
        const { duplicates, force: _force, routing, scoring, ...captured } = data;
        const score = scoreLead(
          {
            source: data.source,
            ...(data.estimatedValue ? { estimatedValue: data.estimatedValue } : {}),
            ...(data.company.sizeBand ? { sizeBand: data.company.sizeBand } : {}),
            ...(data.contact.email ? { email: data.contact.email } : {}),
            ...(data.contact.phone ? { phone: data.contact.phone } : {}),
            segmentIds: data.segmentIds,
            needTags: data.needTags,
          },
          scoring,
        );
        return [
          {
            type: 'LeadCaptured',
            data: { ...captured, acceptedDuplicatesOf: duplicates.map((match) => match.leadId), capturedAt: now },
          },
          { type: 'LeadScored', data: { leadId: data.leadId, ...score } },
          ...(routing === undefined
            ? []
            : [
                {
                  type: 'LeadAssigned' as const,
                  data: { leadId: data.leadId, repId: routing.repId, rule: routing.rule, assignedAt: now },
                },
              ]),
        ];
      }
      case 'ReviseLeadDetails': {
        const lead = existing(state, command);
        requireStatus(lead, open, 'revised');
        const changes = effectiveChanges(lead, command.data.changes);
        if (Object.keys(changes).length === 0) return [];
        const revised = withDetails(lead, changes);
        return [
          { type: 'LeadDetailsRevised', data: { leadId: lead.leadId, changes, revisedAt: now } },
          ...matched(
            revised,
            segmentsMatching(leadProfile(revised), command.data.activeSegments),
            command.data.scoring,
          ),
        ];
      }
      case 'RematchLeadSegments': {
        const lead = existing(state, command);
        requireStatus(lead, open, 'matched to segments');
        return matched(lead, segmentsMatching(leadProfile(lead), command.data.activeSegments), command.data.scoring);
      }
      case 'QualifyLead': {
        const lead = existing(state, command);
        if (lead.status === 'qualified') return [];
        requireStatus(lead, ['new', 'nurturing'], 'qualified');
        return [
          {
            type: 'LeadQualified',
            data: {
              leadId: lead.leadId,
              score: lead.score,
              ...(command.data.note ? { note: command.data.note } : {}),
              qualifiedAt: now,
            },
          },
        ];
      }
      case 'DisqualifyLead': {
        const lead = existing(state, command);
        if (lead.status === 'disqualified') return [];
        requireStatus(lead, open, 'disqualified');
        return [
          { type: 'LeadDisqualified', data: { leadId: lead.leadId, reason: command.data.reason, disqualifiedAt: now } },
        ];
      }
      case 'NurtureLead': {
        const lead = existing(state, command);
        requireStatus(lead, ['new', 'nurturing', 'qualified', 'disqualified'], 'nurtured');
        const { until, note } = command.data;
        return [
          {
            type: 'LeadNurtured',
            data: { leadId: lead.leadId, ...(until ? { until } : {}), ...(note ? { note } : {}), nurturedAt: now },
          },
        ];
      }
      case 'AssignLead': {
        const lead = existing(state, command);
        requireStatus(lead, open, 'assigned');
        if (lead.ownerRepId === command.data.repId) return [];
        return [
          {
            type: 'LeadAssigned',
            data: {
              leadId: lead.leadId,
              repId: command.data.repId,
              ...(lead.ownerRepId ? { previousRepId: lead.ownerRepId } : {}),
              rule: command.data.rule,
              assignedAt: now,
            },
          },
        ];
      }
      case 'ConvertLead': {
        const lead = existing(state, command);
        requireStatus(lead, ['qualified'], 'converted');
        return [
          {
            type: 'LeadConverted',
            data: { leadId: lead.leadId, opportunityId: command.data.opportunityId, convertedAt: now },
          },
        ];
      }
      case 'MergeLead': {
        const lead = existing(state, command);
        if (command.data.intoLeadId === lead.leadId)
          throw new LeadError(LeadErrorCode.SelfMerge, 'A lead cannot be merged into itself');
        requireStatus(lead, ['new', 'nurturing', 'qualified', 'disqualified'], 'merged');
        return [
          { type: 'LeadMerged', data: { leadId: lead.leadId, intoLeadId: command.data.intoLeadId, mergedAt: now } },
        ];
      }
    }
  },

  evolve(state, event): LeadState {
    if (event.type === 'LeadCaptured') {
      const { data } = event;
      return {
        status: 'new',
        leadId: data.leadId,
        divisionId: data.divisionId,
        source: data.source,
        companyName: data.company.name,
        contactName: data.contact.name,
        ...(data.contact.email ? { email: data.contact.email } : {}),
        ...(data.contact.phone ? { phone: data.contact.phone } : {}),
        ...(data.company.industry ? { industry: data.company.industry } : {}),
        ...(data.company.sizeBand ? { sizeBand: data.company.sizeBand } : {}),
        ...(data.territory ? { territory: data.territory } : {}),
        ...(data.estimatedValue ? { estimatedValue: data.estimatedValue } : {}),
        needTags: data.needTags,
        segmentIds: data.segmentIds,
        score: 0,
        capturedAt: data.capturedAt,
      };
    }
    if (state.status === 'none') return state;
    switch (event.type) {
      case 'LeadDetailsRevised':
        return withDetails(state, event.data.changes);
      case 'LeadScored':
        return { ...state, score: event.data.score };
      case 'LeadSegmentsMatched':
        return { ...state, segmentIds: event.data.segmentIds };
      case 'LeadQualified':
        return { ...state, status: 'qualified' };
      case 'LeadDisqualified':
        return { ...state, status: 'disqualified' };
      case 'LeadNurtured':
        return { ...state, status: 'nurturing' };
      case 'LeadAssigned':
        return { ...state, ownerRepId: event.data.repId, teamId: event.data.rule.teamId };
      case 'LeadConverted':
        return { ...state, status: 'converted' };
      case 'LeadMerged':
        return { ...state, status: 'merged' };
    }
  },
};
