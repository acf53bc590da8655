import type { CommandResult } from '@salesos/event-sourcing';
import type { EventStore, RecordedEvent } from '@salesos/event-store';
import { AccessDeniedError, type Clock, type IdGenerator, ownerOfNewRecord, type RequestContext } from '@salesos/http';
import type { LeadCommands } from '../../leads/application/lead-commands.service';
import type { Money } from '../../leads/domain/money';
import { CommandRunner } from '../../shared/command-runner';
import type { OpenOpportunity, OpportunityCommand } from '../domain/opportunity.commands';
import { opportunityDecider, type OpportunityState } from '../domain/opportunity.decider';
import type { ChannelAttribution, OpportunityEvent, ProductLine } from '../domain/opportunity.events';
import type { PipelineCatalog } from './pipeline-catalog';
import { OpportunityError, OpportunityErrorCode } from '../domain/opportunity.errors';
import { opportunityOwnership } from '../projections/opportunity-board';

export type OpportunityResult = CommandResult<OpportunityState, OpportunityEvent>;

export type OpenOpportunityInput = Omit<
  OpenOpportunity['data'],
  'opportunityId' | 'divisionId' | 'pipeline' | 'leadId'
> & {
  pipelineId: string;
};

export class OpportunityCommands {
  readonly runner: CommandRunner<OpportunityState, OpportunityCommand, OpportunityEvent>;

  constructor(
    store: EventStore,
    private readonly pipelines: PipelineCatalog,
    private readonly leads: LeadCommands,
    clock: Clock,
    ids: IdGenerator,
    notify: (event: RecordedEvent) => void = () => undefined,
  ) {
    this.runner = new CommandRunner(store, opportunityDecider, 'opportunity', clock, ids, notify, {
      ownership: (state) => (state.status === 'none' ? undefined : opportunityOwnership(state)),
      refuse: (opportunityId) =>
        new OpportunityError(OpportunityErrorCode.NotFound, `No opportunity ${opportunityId} in your reach`),
    });
  }

  open(input: OpenOpportunityInput, context: RequestContext): Promise<OpportunityResult> {
    const opportunityId = this.runner.newId(context, 'opportunity');
    return this.runner.run(opportunityId, context, undefined, this.openCommand(opportunityId, input, context), true);
  }

  /**
   * Converts a qualified lead and opens its opportunity. Both decisions are checked before anything is written, so
   * a refused conversion leaves both streams as they were; a repeated Idempotency-Key completes a half-done one.
   */
  async convertLead(
    leadId: string,
    input: OpenOpportunityInput,
    context: RequestContext,
    expectedVersion?: number,
  ): Promise<OpportunityResult> {
    const opportunityId = this.runner.newId(context, `conversion:${leadId}`);
    const open = this.openCommand(opportunityId, input, context, leadId);
    opportunityDecider.decide(
      { ...open, metadata: this.runner.metadata(context, open.type, opportunityId) },
      opportunityDecider.initialState(),
    );
    const lead = (await this.leads.convert(leadId, opportunityId, context, expectedVersion)).state;
    if (lead.status === 'none') return this.runner.run(opportunityId, context, undefined, open, true);
    // The deal stays with the rep who worked the lead and the team it was routed to, as the conversion found them.
    const ownerRepId = input.ownerRepId ?? lead.ownerRepId ?? open.data.ownerRepId;
    const data = {
      ...open.data,
      ...(ownerRepId === undefined ? {} : { ownerRepId }),
      ...(lead.teamId === undefined ? {} : { teamId: lead.teamId }),
    };
    return this.runner.run(opportunityId, context, undefined, { ...open, data }, true);
  }

  moveStage(
    opportunityId: string,
    stageId: string,
    context: RequestContext,
    expectedVersion?: number,
  ): Promise<OpportunityResult> {
    const pipelines = this.pipelines.pipelines(context.divisionId);
    return this.runner.run(opportunityId, context, expectedVersion, {
      type: 'MoveOpportunityStage',
      data: { pipelines, stageId },
    });
  }

  reopen(
    opportunityId: string,
    stageId: string | undefined,
    context: RequestContext,
    expectedVersion?: number,
  ): Promise<OpportunityResult> {
    const pipelines = this.pipelines.pipelines(context.divisionId);
    return this.runner.run(opportunityId, context, expectedVersion, {
      type: 'ReopenOpportunity',
      data: { pipelines, ...(stageId === undefined ? {} : { stageId }) },
    });
  }

  revise(
    opportunityId: string,
    data: { amount?: Money; expectedCloseDate?: string; effectiveAt?: string },
    context: RequestContext,
    expectedVersion?: number,
  ): Promise<OpportunityResult> {
    return this.runner.run(opportunityId, context, expectedVersion, { type: 'ReviseForecast', data });
  }

  changeProducts(
    opportunityId: string,
    products: ProductLine[],
    context: RequestContext,
    expectedVersion?: number,
  ): Promise<OpportunityResult> {
    return this.runner.run(opportunityId, context, expectedVersion, { type: 'ChangeProducts', data: { products } });
  }

  attributeChannel(
    opportunityId: string,
    channel: ChannelAttribution,
    context: RequestContext,
    expectedVersion?: number,
  ): Promise<OpportunityResult> {
    return this.runner.run(opportunityId, context, expectedVersion, { type: 'AttributeChannel', data: { channel } });
  }

  win(
    opportunityId: string,
    amount: Money | undefined,
    context: RequestContext,
    expectedVersion?: number,
  ): Promise<OpportunityResult> {
    return this.runner.run(opportunityId, context, expectedVersion, {
      type: 'WinOpportunity',
      data: amount === undefined ? {} : { amount },
    });
  }

  lose(
    opportunityId: string,
    reason: string,
    context: RequestContext,
    expectedVersion?: number,
  ): Promise<OpportunityResult> {
    this.pipelines.requireLossReason(context.divisionId, reason);
    const allowedReasons = this.pipelines.lossReasons(context.divisionId);
    return this.runner.run(opportunityId, context, expectedVersion, {
      type: 'LoseOpportunity',
      data: { reason, allowedReasons },
    });
  }

  load(opportunityId: string): Promise<{ state: OpportunityState; version: number }> {
    return this.runner.load(opportunityId);
  }

  /** What the system believed about the opportunity at that moment ("what did we forecast on 1 March?"). */
  loadAsKnownAt(opportunityId: string, knownAt: Date): Promise<{ state: OpportunityState; version: number }> {
    return this.runner.loadAsKnownAt(opportunityId, knownAt);
  }

  private openCommand(
    opportunityId: string,
    input: OpenOpportunityInput,
    context: RequestContext,
    leadId?: string,
  ): Omit<OpenOpportunity, 'metadata'> {
    const { pipelineId, ownerRepId: named, ...rest } = input;
    const ownerRepId = ownerOfNewRecord(context.principal, named);
    if (ownerRepId === null) throw new AccessDeniedError('A rep opens deals for themselves; ownerRepId must be yours');
    const pipeline = this.pipelines.pipeline(context.divisionId, pipelineId);
    this.pipelines.requireStage(pipeline, input.stageId);
    return {
      type: 'OpenOpportunity',
      data: {
        ...rest,
        ...(ownerRepId === undefined ? {} : { ownerRepId }),
        opportunityId,
        divisionId: context.divisionId,
        ...(leadId === undefined ? {} : { leadId }),
        pipeline,
      },
    };
  }
}
