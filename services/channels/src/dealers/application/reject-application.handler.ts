import { Inject, Injectable } from '@nestjs/common';
import type { RequestContext } from '@salesos/http';
import { DealerStreams } from './dealer-streams';

/** Rejects a dealer's application, with the reason. */
@Injectable()
export class RejectApplicationHandler {
  constructor(@Inject(DealerStreams) private readonly dealers: DealerStreams) {}

  execute(dealerId: string, reason: string, caller: RequestContext, expectedVersion?: number) {
    return this.dealers.run(dealerId, caller, expectedVersion, { type: 'RejectApplication', data: { reason } });
  }
}
