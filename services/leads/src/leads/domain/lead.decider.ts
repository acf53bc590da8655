import type { Decider } from '@salesos/event-sourcing';
import type { CompanySizeBand } from '../../segments/domain/segment-criteria';
import type { LeadCommand } from './lead.commands';
import { LeadError, LeadErrorCode } from './lead.errors';
import type { LeadEvent } from './lead.events';
import { type LeadScore, scoreLead } from './lead-scoring';
import type { Money } from './money';

export type LeadStatus = 'new' | 'nurturing' | 'qualified' | 'disqualified' | 'converted' | 'merged';

export interface Lead {
  status: LeadStatus;
  leadId: string;
  divisionId: string;
  source: string;
  email?: string;
  phone?: string;
  sizeBand?: CompanySizeBand;
  estimatedValue?: Money;
  needTags: string[];
  segmentIds: string[];
  score: number;
  ownerRepId?: string;
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

function rescore(lead: Lead, segmentIds: string[]): LeadScore {
  return scoreLead({
    source: lead.source,
    ...(lead.estimatedValue ? { estimatedValue: lead.estimatedValue } : {}),
    ...(lead.sizeBand ? { sizeBand: lead.sizeBand } : {}),
    ...(lead.email ? { email: lead.email } : {}),
    ...(lead.phone ? { phone: lead.phone } : {}),
    segmentIds,
    needTags: lead.needTags,
  });
}

const open: readonly LeadStatus[] = ['new', 'nurturing', 'qualified'];

export const leadDecider: Decider<LeadState, LeadCommand, LeadEvent> = {
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
        const { duplicates, force: _force, ...captured } = data;
        const score = scoreLead({
          source: data.source,
          ...(data.estimatedValue ? { estimatedValue: data.estimatedValue } : {}),
          ...(data.company.sizeBand ? { sizeBand: data.company.sizeBand } : {}),
          ...(data.contact.email ? { email: data.contact.email } : {}),
          ...(data.contact.phone ? { phone: data.contact.phone } : {}),
          segmentIds: data.segmentIds,
          needTags: data.needTags,
        });
        return [
          {
            type: 'LeadCaptured',
            data: { ...captured, acceptedDuplicatesOf: duplicates.map((match) => match.leadId), capturedAt: now },
          },
          { type: 'LeadScored', data: { leadId: data.leadId, ...score } },
        ];
      }
      case 'RematchLeadSegments': {
        const lead = existing(state, command);
        requireStatus(lead, open, 'matched to segments');
        if (sameSet(lead.segmentIds, command.data.segmentIds)) return [];
        const score = rescore(lead, command.data.segmentIds);
        return [
          { type: 'LeadSegmentsMatched', data: { leadId: lead.leadId, segmentIds: command.data.segmentIds } },
          ...(score.score === lead.score
            ? []
            : [{ type: 'LeadScored' as const, data: { leadId: lead.leadId, ...score } }]),
        ];
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
        ...(data.contact.email ? { email: data.contact.email } : {}),
        ...(data.contact.phone ? { phone: data.contact.phone } : {}),
        ...(data.company.sizeBand ? { sizeBand: data.company.sizeBand } : {}),
        ...(data.estimatedValue ? { estimatedValue: data.estimatedValue } : {}),
        needTags: data.needTags,
        segmentIds: data.segmentIds,
        score: 0,
      };
    }
    if (state.status === 'none') return state;
    switch (event.type) {
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
        return { ...state, ownerRepId: event.data.repId };
      case 'LeadConverted':
        return { ...state, status: 'converted' };
      case 'LeadMerged':
        return { ...state, status: 'merged' };
    }
  },
};
