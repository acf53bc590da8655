import { Inject, Injectable } from '@nestjs/common';
import type { CommandResult } from '@salesos/event-sourcing';
import type { RequestContext } from '@salesos/http';
import { type AssignmentDecision, chooseAssignee, DivisionRules } from '../../assignment';
import { ActiveSegments } from '../../segments';
import { duplicateKeys } from '../domain/duplicate-detection';
import type { CaptureLead } from '../domain/lead.commands';
import type { LeadState } from '../domain/lead.decider';
import type { LeadEvent, LeadScored } from '../domain/lead.events';
import { DivisionScoring } from './division-scoring.port';
import { LeadDirectory } from './lead-directory.port';
import { LeadStreams } from './lead-streams';

export type CaptureLeadInput = Omit<
  CaptureLead['data'],
  'leadId' | 'divisionId' | 'segmentIds' | 'duplicates' | 'routing'
>;

export type LeadResult = CommandResult<LeadState, LeadEvent>;

/** What a capture answers: the lead, its score and segments, and whom the division's rules routed it to. */
export interface CapturedLead {
  result: LeadResult;
  leadId: string;
  routing?: AssignmentDecision;
  scored?: LeadScored['data'];
  segmentIds?: string[];
  acceptedDuplicatesOf?: string[];
}

/**
 * Capture, then route, as one decision: the lead is matched to the division's segments, checked for duplicates,
 * scored by the division's scoring rules and routed by its assignment rules, and all of it is appended at once, so a lead is never stored without
 * its routing. The HTTP route, the CSV import and the demo data all capture through here.
 */
@Injectable()
export class CaptureLeadHandler {
  constructor(
    @Inject(LeadStreams) private readonly leads: LeadStreams,
    @Inject(LeadDirectory) private readonly directory: LeadDirectory,
    @Inject(ActiveSegments) private readonly segments: ActiveSegments,
    @Inject(DivisionRules) private readonly rules: DivisionRules,
    @Inject(DivisionScoring) private readonly scoring: DivisionScoring,
  ) {}

  async execute(input: CaptureLeadInput, caller: RequestContext): Promise<CapturedLead> {
    const { divisionId } = caller;
    const leadId = this.leads.newId(caller, 'lead');
    const keys = duplicateKeys({
      email: input.contact.email,
      phone: input.contact.phone,
      companyName: input.company.name,
    });
    const segmentIds = await this.segments.matching(divisionId, {
      ...(input.company.industry ? { industry: input.company.industry } : {}),
      ...(input.company.sizeBand ? { sizeBand: input.company.sizeBand } : {}),
      ...(input.estimatedValue ? { estimatedValue: input.estimatedValue } : {}),
      ...(input.territory ? { territory: input.territory } : {}),
      needTags: input.needTags,
    });
    const duplicates = await this.directory.duplicatesOf(divisionId, keys, leadId);
    const routing = await this.route(divisionId, input.territory, segmentIds);
    const scoring = await this.scoring.rulesOf(divisionId);
    // The rules route the lead though nobody owns it yet: the routing is the platform's act, recorded under the
    // caller's name, so the caller's reach does not apply to it.
    const result = await this.leads.run(
      leadId,
      caller,
      undefined,
      {
        type: 'CaptureLead',
        data: { ...input, leadId, divisionId, segmentIds, duplicates, ...(routing ? { routing } : {}), scoring },
      },
      true,
    );
    return describe(leadId, result);
  }

  private async route(
    divisionId: string,
    territory: string | undefined,
    segmentIds: string[],
  ): Promise<AssignmentDecision | undefined> {
    const rules = await this.rules.rulesOf(divisionId);
    if (rules.length === 0) return undefined;
    const [openLeadsByRep, roundRobinTurns] = await Promise.all([
      this.directory.openLeadsByRep(divisionId),
      this.directory.assignmentsByRule(divisionId),
    ]);
    return chooseAssignee(rules, {
      ...(territory === undefined ? {} : { territory }),
      segmentIds,
      openLeadsByRep,
      roundRobinTurns,
    });
  }
}

/** The answer from the events the capture appended, or, for a repeat, the ones the first capture appended. */
function describe(leadId: string, result: LeadResult): CapturedLead {
  let captured: CapturedLead = { result, leadId };
  for (const event of result.events) {
    if (event.type === 'LeadCaptured') {
      captured = {
        ...captured,
        segmentIds: event.data.segmentIds,
        acceptedDuplicatesOf: event.data.acceptedDuplicatesOf,
      };
    }
    if (event.type === 'LeadScored') captured = { ...captured, scored: event.data };
    if (event.type === 'LeadAssigned')
      captured = { ...captured, routing: { repId: event.data.repId, rule: event.data.rule } };
  }
  return captured;
}
