import { Inject, Injectable } from '@nestjs/common';
import type { CommandResult } from '@salesos/event-sourcing';
import { AccessDeniedError, ownerOfNewRecord, type RequestContext } from '@salesos/http';
import { Organisation } from '../../organisation';
import type { OpenOpportunity } from '../domain/opportunity.commands';
import type { OpportunityState } from '../domain/opportunity.decider';
import type { OpportunityEvent } from '../domain/opportunity.events';
import { OpportunityStreams } from './opportunity-streams';
import { PipelineCatalog } from './pipeline-catalog';

export type OpportunityResult = CommandResult<OpportunityState, OpportunityEvent>;

export type OpenOpportunityInput = Omit<
  OpenOpportunity['data'],
  'opportunityId' | 'divisionId' | 'pipeline' | 'leadId'
> & {
  pipelineId: string;
};

/**
 * The command that opens a deal in the caller's division: its pipeline resolved, its owner as the caller may set,
 * owner and dealer the division's own.
 */
export async function openCommand(
  pipelines: PipelineCatalog,
  organisation: Organisation,
  opportunityId: string,
  input: OpenOpportunityInput,
  caller: RequestContext,
  leadId?: string,
): Promise<Omit<OpenOpportunity, 'metadata'>> {
  const { pipelineId, ownerRepId: named, ...rest } = input;
  const ownerRepId = ownerOfNewRecord(caller.principal, named);
  if (ownerRepId === null) throw new AccessDeniedError('A rep opens deals for themselves; ownerRepId must be yours');
  if (named !== undefined) await organisation.requireRep(caller.divisionId, named, 'ownerRepId');
  if (input.channel.kind === 'dealer') {
    await organisation.requireDealer(caller.divisionId, input.channel.dealerId, 'channel.dealerId');
  }
  const pipeline = await pipelines.pipeline(caller.divisionId, pipelineId);
  pipelines.requireStage(pipeline, input.stageId);
  return {
    type: 'OpenOpportunity',
    data: {
      ...rest,
      ...(ownerRepId === undefined ? {} : { ownerRepId }),
      opportunityId,
      divisionId: caller.divisionId,
      ...(leadId === undefined ? {} : { leadId }),
      pipeline,
    },
  };
}

/** Opens a deal on its own, not from a lead. */
@Injectable()
export class OpenOpportunityHandler {
  constructor(
    @Inject(OpportunityStreams) private readonly opportunities: OpportunityStreams,
    @Inject(PipelineCatalog) private readonly pipelines: PipelineCatalog,
    @Inject(Organisation) private readonly organisation: Organisation,
  ) {}

  async execute(input: OpenOpportunityInput, caller: RequestContext): Promise<OpportunityResult> {
    const opportunityId = this.opportunities.newId(caller, 'opportunity');
    const command = await openCommand(this.pipelines, this.organisation, opportunityId, input, caller);
    return this.opportunities.run(opportunityId, caller, undefined, command, true);
  }
}
