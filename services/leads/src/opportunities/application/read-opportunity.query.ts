import { Inject, Injectable } from '@nestjs/common';
import type { RequestContext } from '@salesos/http';
import type { Opportunity } from '../domain/opportunity.decider';
import { OpportunityError, OpportunityErrorCode } from '../domain/opportunity.errors';
import { OpportunityStreams } from './opportunity-streams';

/**
 * One deal as its stream has it now, or as the system knew it at a moment (only events recorded by then count), if
 * it is in the caller's division and reach; otherwise not found.
 */
@Injectable()
export class ReadOpportunityQuery {
  constructor(@Inject(OpportunityStreams) private readonly opportunities: OpportunityStreams) {}

  async execute(
    opportunityId: string,
    caller: RequestContext,
    asKnownAt?: Date,
  ): Promise<{ opportunity: Opportunity; version: number }> {
    const { state, version } =
      asKnownAt === undefined
        ? await this.opportunities.load(opportunityId)
        : await this.opportunities.loadAsKnownAt(opportunityId, asKnownAt);
    if (state.status === 'none' || !this.opportunities.shows(caller, state)) {
      throw new OpportunityError(OpportunityErrorCode.NotFound, 'No opportunity with this id in your reach');
    }
    return { opportunity: state, version };
  }
}
