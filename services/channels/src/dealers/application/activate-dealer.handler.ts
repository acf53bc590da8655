import { Inject, Injectable } from '@nestjs/common';
import type { RequestContext } from '@salesos/http';
import { DealerStreams } from './dealer-streams';

/** Activates an onboarding dealer once every requirement of its checklist is ticked. */
@Injectable()
export class ActivateDealerHandler {
  constructor(@Inject(DealerStreams) private readonly dealers: DealerStreams) {}

  execute(dealerId: string, caller: RequestContext, expectedVersion?: number) {
    return this.dealers.run(dealerId, caller, expectedVersion, { type: 'ActivateDealer', data: {} });
  }
}
