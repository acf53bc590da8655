import { Inject, Injectable } from '@nestjs/common';
import type { RequestContext } from '@salesos/http';
import type { ChannelAttribution } from '../domain/opportunity.events';
import type { OpportunityResult } from './open-opportunity.handler';
import { OpportunityStreams } from './opportunity-streams';

/** Which channel brings the deal: direct, or a dealer. */
@Injectable()
export class AttributeChannelHandler {
  constructor(@Inject(OpportunityStreams) private readonly opportunities: OpportunityStreams) {}

  execute(
    opportunityId: string,
    channel: ChannelAttribution,
    caller: RequestContext,
    expectedVersion?: number,
  ): Promise<OpportunityResult> {
    return this.opportunities.run(opportunityId, caller, expectedVersion, {
      type: 'AttributeChannel',
      data: { channel },
    });
  }
}
