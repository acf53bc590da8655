import { Inject, Injectable } from '@nestjs/common';
import type { RequestContext } from '@salesos/http';
import { ChannelDealers } from '../../dealers';
import type { ChannelAttribution } from '../domain/opportunity.events';
import { dealerAttribution } from './dealer-attribution';
import type { OpportunityResult } from './open-opportunity.handler';
import { OpportunityStreams } from './opportunity-streams';

/** Which channel brings the deal: direct, or an active dealer of the division, with the channel it sells through. */
@Injectable()
export class AttributeChannelHandler {
  constructor(
    @Inject(OpportunityStreams) private readonly opportunities: OpportunityStreams,
    @Inject(ChannelDealers) private readonly dealers: ChannelDealers,
  ) {}

  async execute(
    opportunityId: string,
    channel: ChannelAttribution,
    caller: RequestContext,
    expectedVersion?: number,
  ): Promise<OpportunityResult> {
    const attributed = await dealerAttribution(this.dealers, caller.divisionId, channel, 'dealerId');
    return this.opportunities.run(opportunityId, caller, expectedVersion, {
      type: 'AttributeChannel',
      data: { channel: attributed },
    });
  }
}
