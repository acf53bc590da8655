import { Inject, Injectable } from '@nestjs/common';
import type { RequestContext } from '@salesos/http';
import { ChannelDealers } from '../../dealers';
import { ConvertLeadHandler } from '../../leads';
import { Organisation } from '../../organisation';
import { opportunityDecider } from '../domain/opportunity.decider';
import { openCommand, type OpenOpportunityInput, type OpportunityResult } from './open-opportunity.handler';
import { OpportunityStreams } from './opportunity-streams';
import { PipelineCatalog } from './pipeline-catalog';

/**
 * Converts a qualified lead and opens its opportunity. Both decisions are checked before anything is written, so a
 * refused conversion leaves both streams as they were; a repeated Idempotency-Key completes a half-done one.
 */
@Injectable()
export class OpenOpportunityFromLeadHandler {
  constructor(
    @Inject(OpportunityStreams) private readonly opportunities: OpportunityStreams,
    @Inject(PipelineCatalog) private readonly pipelines: PipelineCatalog,
    @Inject(ConvertLeadHandler) private readonly convertLead: ConvertLeadHandler,
    @Inject(Organisation) private readonly organisation: Organisation,
    @Inject(ChannelDealers) private readonly dealers: ChannelDealers,
  ) {}

  async execute(
    leadId: string,
    input: OpenOpportunityInput,
    caller: RequestContext,
    expectedVersion?: number,
  ): Promise<OpportunityResult> {
    const opportunityId = this.opportunities.newId(caller, `conversion:${leadId}`);
    const open = await openCommand(
      { pipelines: this.pipelines, organisation: this.organisation, dealers: this.dealers },
      opportunityId,
      input,
      caller,
      leadId,
    );
    opportunityDecider.decide(
      { ...open, metadata: this.opportunities.metadata(caller, open.type, opportunityId) },
      opportunityDecider.initialState(),
    );
    const lead = (await this.convertLead.execute(leadId, opportunityId, caller, expectedVersion)).state;
    if (lead.status === 'none') return this.opportunities.run(opportunityId, caller, undefined, open, true);
    // The deal stays with the rep who worked the lead and the team it was routed to, as the conversion found them.
    const ownerRepId = input.ownerRepId ?? lead.ownerRepId ?? open.data.ownerRepId;
    const data = {
      ...open.data,
      ...(ownerRepId === undefined ? {} : { ownerRepId }),
      ...(lead.teamId === undefined ? {} : { teamId: lead.teamId }),
    };
    return this.opportunities.run(opportunityId, caller, undefined, { ...open, data }, true);
  }
}
