import { Inject, Injectable } from '@nestjs/common';
import type { RequestContext } from '@salesos/http';
import { DealerStreams } from './dealer-streams';

/** Ends the cooperation with a dealer: `effectiveDay` is the last day it may sell. */
@Injectable()
export class TerminateDealerHandler {
  constructor(@Inject(DealerStreams) private readonly dealers: DealerStreams) {}

  execute(
    dealerId: string,
    termination: { reason: string; effectiveDay: string },
    caller: RequestContext,
    expectedVersion?: number,
  ) {
    return this.dealers.run(dealerId, caller, expectedVersion, { type: 'TerminateDealer', data: termination });
  }
}
