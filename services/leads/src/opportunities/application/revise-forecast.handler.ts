import { Inject, Injectable } from '@nestjs/common';
import type { RequestContext } from '@salesos/http';
import type { Money } from '@salesos/kernel';
import type { OpportunityResult } from './open-opportunity.handler';
import { OpportunityStreams } from './opportunity-streams';

/** A new belief about a deal's amount or close date, with the business time it became true. */
@Injectable()
export class ReviseForecastHandler {
  constructor(@Inject(OpportunityStreams) private readonly opportunities: OpportunityStreams) {}

  execute(
    opportunityId: string,
    data: { amount?: Money; expectedCloseDate?: string; effectiveAt?: string },
    caller: RequestContext,
    expectedVersion?: number,
  ): Promise<OpportunityResult> {
    return this.opportunities.run(opportunityId, caller, expectedVersion, { type: 'ReviseForecast', data });
  }
}
