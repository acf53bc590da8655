import { createHash } from 'node:crypto';
import { CommandHandler, type CommandMetadata, type CommandResult } from '@salesos/event-sourcing';
import type { EventStore } from '@salesos/event-store';
import { type Clock, type IdGenerator, type RequestContext } from '@salesos/http';
import { type SegmentCatalog } from '../../segments/projections/segment-catalog';
import { duplicateKeys } from '../domain/duplicate-detection';
import type { CaptureLead, LeadCommand } from '../domain/lead.commands';
import { leadDecider, type LeadState } from '../domain/lead.decider';
import type { AssignmentRuleFired, LeadEvent } from '../domain/lead.events';
import type { LeadDirectory } from '../projections/lead-directory';

export type CaptureLeadInput = Omit<CaptureLead['data'], 'leadId' | 'divisionId' | 'segmentIds' | 'duplicates'>;

export type LeadResult = CommandResult<LeadState, LeadEvent>;

/**
 * The leads service's commands: each loads the lead's stream, decides, appends with the expected version, and
 * updates the service's own directory at once so the caller reads what it just wrote.
 */
export class LeadCommands {
  private readonly handler: CommandHandler<LeadState, LeadCommand, LeadEvent>;

  constructor(
    private readonly store: EventStore,
    private readonly directory: LeadDirectory,
    private readonly segments: SegmentCatalog,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {
    this.handler = new CommandHandler(store, leadDecider);
  }

  /** A repeated Idempotency-Key names the same lead, so the repeat is recognised instead of captured twice. */
  leadIdFor(context: RequestContext): string {
    if (context.idempotencyKey === undefined) return this.ids.next();
    const hash = createHash('sha256').update(`lead:${context.divisionId}:${context.idempotencyKey}`).digest('hex');
    return `${hash.slice(0, 8)}-${hash.slice(8, 12)}-4${hash.slice(13, 16)}-8${hash.slice(17, 20)}-${hash.slice(20, 32)}`;
  }

  async capture(input: CaptureLeadInput, context: RequestContext): Promise<LeadResult> {
    const leadId = this.leadIdFor(context);
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
    return this.run(leadId, context, undefined, {
      type: 'CaptureLead',
      data: { ...input, leadId, divisionId: context.divisionId, segmentIds, duplicates },
    });
  }

  qualify(
    leadId: string,
    note: string | undefined,
    context: RequestContext,
    expectedVersion?: number,
  ): Promise<LeadResult> {
    return this.run(leadId, context, expectedVersion, {
      type: 'QualifyLead',
      data: note === undefined ? {} : { note },
    });
  }

  disqualify(leadId: string, reason: string, context: RequestContext, expectedVersion?: number): Promise<LeadResult> {
    return this.run(leadId, context, expectedVersion, { type: 'DisqualifyLead', data: { reason } });
  }

  nurture(
    leadId: string,
    data: { until?: string; note?: string },
    context: RequestContext,
    expectedVersion?: number,
  ): Promise<LeadResult> {
    return this.run(leadId, context, expectedVersion, { type: 'NurtureLead', data });
  }

  assign(leadId: string, repId: string, context: RequestContext, expectedVersion?: number): Promise<LeadResult> {
    const rule: AssignmentRuleFired = { kind: 'manual', detail: `assigned by ${context.actor.userId}` };
    return this.run(leadId, context, expectedVersion, { type: 'AssignLead', data: { repId, rule } });
  }

  merge(leadId: string, intoLeadId: string, context: RequestContext, expectedVersion?: number): Promise<LeadResult> {
    return this.run(leadId, context, expectedVersion, { type: 'MergeLead', data: { intoLeadId } });
  }

  async load(leadId: string): Promise<{ state: LeadState; version: number }> {
    const { state, version } = await this.handler.load(`lead-${leadId}`);
    return { state, version };
  }

  private async run(
    leadId: string,
    context: RequestContext,
    expectedVersion: number | undefined,
    command: Omit<LeadCommand, 'metadata'>,
  ): Promise<LeadResult> {
    const metadata: CommandMetadata = {
      commandId:
        context.idempotencyKey === undefined ? this.ids.next() : `${command.type}:${leadId}:${context.idempotencyKey}`,
      now: this.clock.now().toISOString(),
      divisionId: context.divisionId,
      actor: context.actor,
      ...(context.correlationId ? { correlationId: context.correlationId } : {}),
    };
    const streamId = `lead-${leadId}`;
    const result = await this.handler.handle(streamId, { ...command, metadata } as LeadCommand, {
      ...(expectedVersion === undefined ? {} : { expectedVersion }),
    });
    if (result.events.length > 0) {
      for (const event of await this.store.readStream(streamId, { from: result.version - result.events.length + 1 })) {
        this.directory.apply(event);
      }
    }
    return result;
  }
}
