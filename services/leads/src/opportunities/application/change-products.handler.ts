import { Inject, Injectable } from '@nestjs/common';
import type { RequestContext } from '@salesos/http';
import type { ProductLine } from '../domain/opportunity.events';
import type { OpportunityResult } from './open-opportunity.handler';
import { OpportunityStreams } from './opportunity-streams';

/** The products and quantities of a deal, replaced as a whole. */
@Injectable()
export class ChangeProductsHandler {
  constructor(@Inject(OpportunityStreams) private readonly opportunities: OpportunityStreams) {}

  execute(
    opportunityId: string,
    products: ProductLine[],
    caller: RequestContext,
    expectedVersion?: number,
  ): Promise<OpportunityResult> {
    return this.opportunities.run(opportunityId, caller, expectedVersion, {
      type: 'ChangeProducts',
      data: { products },
    });
  }
}
