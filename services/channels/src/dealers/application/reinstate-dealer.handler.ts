import { Inject, Injectable } from '@nestjs/common';
import type { RequestContext } from '@salesos/http';
import { DealerStreams } from './dealer-streams';

/** Makes a suspended dealer active again. */
@Injectable()
export class ReinstateDealerHandler {
  constructor(@Inject(DealerStreams) private readonly dealers: DealerStreams) {}

  execute(dealerId: string, caller: RequestContext, expectedVersion?: number) {
    return this.dealers.run(dealerId, caller, expectedVersion, { type: 'ReinstateDealer', data: {} });
  }
}
