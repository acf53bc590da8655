import { LeadError, LeadErrorCode } from '../domain/lead.errors';
import type { CommandResult } from '@salesos/event-sourcing';
import type { EventStore, RecordedEvent } from '@salesos/event-store';
import type { Clock, IdGenerator, RecordOwnership, RequestContext } from '@salesos/http';
import { CommandRunner } from '../../shared/command-runner';
import type { SegmentCatalog } from '../../segments/projections/segment-catalog';
import { duplicateKeys } from '../domain/duplicate-detection';
import type { CaptureLead, LeadCommand } from '../domain/lead.commands';
import { leadDecider, type LeadState } from '../domain/lead.decider';
import type { AssignmentRuleFired, LeadDetailsChanges, LeadEvent } from '../domain/lead.events';
import type { LeadDirectory } from '../projections/lead-directory';

export type CaptureLeadInput = Omit<CaptureLead['data'], 'leadId' | 'divisionId' | 'segmentIds' | 'duplicates'>;

export type LeadResult = CommandResult<LeadState, LeadEvent>;

/** Whose a lead is, for the caller's reach; none for a lead that does not exist. */
export function leadOwnership(state: LeadState): RecordOwnership | undefined {
  return state.status === 'none'
    ? undefined
    : { divisionId: state.divisionId, ownerRepId: state.ownerRepId ?? null, teamId: state.teamId ?? null };
}

/** The leads service's lead commands; the directory sees each new event at once, so callers read their writes. */
export class LeadCommands {
  readonly runner: CommandRunner<LeadState, LeadCommand, LeadEvent>;

  constructor(
    store: EventStore,
    private readonly directory: LeadDirectory,
    private readonly segments: SegmentCatalog,
    clock: Clock,
    ids: IdGenerator,
    alsoNotify: (event: RecordedEvent) => void = () => undefined,
  ) {
    this.runner = new CommandRunner(
      store,
      leadDecider,
      'lead',
      clock,
      ids,
      (event) => {
        directory.apply(event);
        alsoNotify(event);
      },
      {
        ownership: leadOwnership,
        refuse: (leadId) => new LeadError(LeadErrorCode.NotFound, `No lead ${leadId} in your reach`),
      },
    );
  }

  async capture(input: CaptureLeadInput, context: RequestContext): Promise<LeadResult> {
    const leadId = this.runner.newId(context, 'lead');
    const keys = duplicateKeys({
      email: input.contact.email,
      phone: input.contact.phone,
      companyName: input.company.name,
    });
    const segmentIds = this.segments.matching(context.divisionId, {
      ...(input.company.industry ? { industry: input.company.industry } : {}),
      ...(input.company.sizeBand ? { sizeBand: input.company.sizeBand } : {}),
      ...(input.estimatedValue ? { estimatedValue: input.estimatedValue } : {}),
      ...(input.territory ? { territory: input.territory } : {}),
      needTags: input.needTags,
    });
    const duplicates = this.directory.duplicatesOf(context.divisionId, keys, leadId);
    return this.runner.run(
      leadId,
      context,
      undefined,
      {
        type: 'CaptureLead',
        data: { ...input, leadId, divisionId: context.divisionId, segmentIds, duplicates },
      },
      true,
    );
  }

  /** Revises what the lead told us about itself and matches it again against the division's active segments. */
  revise(
    leadId: string,
    changes: LeadDetailsChanges,
    context: RequestContext,
    expectedVersion?: number,
  ): Promise<LeadResult> {
    return this.runner.run(leadId, context, expectedVersion, {
      type: 'ReviseLeadDetails',
      data: { changes, activeSegments: this.segments.definitions(context.divisionId) },
    });
  }

  /** Matches the lead as it is against the division's active segments, as they are now. */
  rematch(leadId: string, context: RequestContext): Promise<LeadResult> {
    return this.runner.run(leadId, context, undefined, {
      type: 'RematchLeadSegments',
      data: { activeSegments: this.segments.definitions(context.divisionId) },
    });
  }

  qualify(
    leadId: string,
    note: string | undefined,
    context: RequestContext,
    expectedVersion?: number,
  ): Promise<LeadResult> {
    return this.runner.run(leadId, context, expectedVersion, {
      type: 'QualifyLead',
      data: note === undefined ? {} : { note },
    });
  }

  disqualify(leadId: string, reason: string, context: RequestContext, expectedVersion?: number): Promise<LeadResult> {
    return this.runner.run(leadId, context, expectedVersion, { type: 'DisqualifyLead', data: { reason } });
  }

  nurture(
    leadId: string,
    data: { until?: string; note?: string },
    context: RequestContext,
    expectedVersion?: number,
  ): Promise<LeadResult> {
    return this.runner.run(leadId, context, expectedVersion, { type: 'NurtureLead', data });
  }

  assign(leadId: string, repId: string, context: RequestContext, expectedVersion?: number): Promise<LeadResult> {
    const rule: AssignmentRuleFired = { kind: 'manual', detail: `assigned by ${context.actor.userId}` };
    return this.assignBy(leadId, repId, rule, context, expectedVersion);
  }

  assignBy(
    leadId: string,
    repId: string,
    rule: AssignmentRuleFired,
    context: RequestContext,
    expectedVersion?: number,
  ): Promise<LeadResult> {
    return this.runner.run(leadId, context, expectedVersion, { type: 'AssignLead', data: { repId, rule } });
  }

  /**
   * Merges a duplicate into a lead of the same division that the caller reaches; any other lead id reads as
   * unknown. Only the duplicate's stream changes, so the lead merged into is checked as it stands.
   */
  async merge(
    leadId: string,
    intoLeadId: string,
    context: RequestContext,
    expectedVersion?: number,
  ): Promise<LeadResult> {
    const into = await this.runner.load(intoLeadId);
    if (!this.runner.shows(context, into.state)) {
      throw new LeadError(LeadErrorCode.NotFound, `No lead ${intoLeadId} in your division to merge into`);
    }
    return this.runner.run(leadId, context, expectedVersion, { type: 'MergeLead', data: { intoLeadId } });
  }

  convert(
    leadId: string,
    opportunityId: string,
    context: RequestContext,
    expectedVersion?: number,
  ): Promise<LeadResult> {
    return this.runner.run(leadId, context, expectedVersion, { type: 'ConvertLead', data: { opportunityId } });
  }

  load(leadId: string): Promise<{ state: LeadState; version: number }> {
    return this.runner.load(leadId);
  }
}
