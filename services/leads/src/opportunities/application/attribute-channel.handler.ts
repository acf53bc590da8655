import { Inject, Injectable } from '@nestjs/common';
import type { RequestContext } from '@salesos/http';
import { Organisation } from '../../organisation';
import type { ChannelAttribution } from '../domain/opportunity.events';
import type { OpportunityResult } from './open-opportunity.handler';
import { OpportunityStreams } from './opportunity-streams';

/** Which channel brings the deal: direct, or a dealer. */
@Injectable()
export class AttributeChannelHandler {
  constructor(
    @Inject(OpportunityStreams) private readonly opportunities: OpportunityStreams,
    @Inject(Organisation) private readonly organisation: Organisation,
  ) {}

  async execute(
    opportunityId: string,
    channel: ChannelAttribution,
    caller: RequestContext,
    expectedVersion?: number,
  ): Promise<OpportunityResult> {
    if (channel.kind === 'dealer')
      await this.organisation.requireDealer(caller.divisionId, channel.dealerId, 'dealerId');
    return this.opportunities.run(opportunityId, caller, expectedVersion, {
      type: 'AttributeChannel',
      data: { channel },
    });
  }
}
