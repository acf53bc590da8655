import { Inject, Injectable } from '@nestjs/common';
import type { CommandResult } from '@salesos/event-sourcing';
import { AccessDeniedError, ownerOfNewRecord, type RequestContext } from '@salesos/http';
import { ChannelDealers } from '../../dealers';
import { Organisation } from '../../organisation';
import type { OpenOpportunity } from '../domain/opportunity.commands';
import type { OpportunityState } from '../domain/opportunity.decider';
import type { OpportunityEvent } from '../domain/opportunity.events';
import { dealerAttribution } from './dealer-attribution';
import { OpportunityStreams } from './opportunity-streams';
import { PipelineCatalog } from './pipeline-catalog';

export type OpportunityResult = CommandResult<OpportunityState, OpportunityEvent>;

export type OpenOpportunityInput = Omit<
  OpenOpportunity['data'],
  'opportunityId' | 'divisionId' | 'pipeline' | 'leadId'
> & {
  pipelineId: string;
};

/** What opening a deal checks its references against: the division's pipelines, reps and dealers. */
export interface OpeningReferences {
  pipelines: PipelineCatalog;
  organisation: Organisation;
  dealers: ChannelDealers;
}

/**
 * The command that opens a deal in the caller's division: its pipeline resolved, its owner as the caller may set,
 * the owner the division's own, the dealer an active one of the division with the channel it sells through.
 */
export async function openCommand(
  { pipelines, organisation, dealers }: OpeningReferences,
  opportunityId: string,
  input: OpenOpportunityInput,
  caller: RequestContext,
  leadId?: string,
): Promise<Omit<OpenOpportunity, 'metadata'>> {
  const { pipelineId, ownerRepId: named, ...rest } = input;
  const ownerRepId = ownerOfNewRecord(caller.principal, named);
  if (ownerRepId === null) throw new AccessDeniedError('A rep opens deals for themselves; ownerRepId must be yours');
  if (named !== undefined) await organisation.requireRep(caller.divisionId, named, 'ownerRepId');
  const channel = await dealerAttribution(dealers, caller.divisionId, input.channel, 'channel.dealerId');
  const pipeline = await pipelines.pipeline(caller.divisionId, pipelineId);
  pipelines.requireStage(pipeline, input.stageId);
  return {
    type: 'OpenOpportunity',
    data: {
      ...rest,
      channel,
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
    @Inject(ChannelDealers) private readonly dealers: ChannelDealers,
  ) {}

  async execute(input: OpenOpportunityInput, caller: RequestContext): Promise<OpportunityResult> {
    const opportunityId = this.opportunities.newId(caller, 'opportunity');
    const command = await openCommand(
      { pipelines: this.pipelines, organisation: this.organisation, dealers: this.dealers },
      opportunityId,
      input,
      caller,
    );
    return this.opportunities.run(opportunityId, caller, undefined, command, true);
  }
}
