import { Inject, Injectable } from '@nestjs/common';
import type { RequestContext } from '@salesos/http';
import { DealerStreams } from './dealer-streams';

/** Approves a dealer's application, which opens the onboarding checklist of its channel's kind. */
@Injectable()
export class ApproveApplicationHandler {
  constructor(@Inject(DealerStreams) private readonly dealers: DealerStreams) {}

  execute(dealerId: string, caller: RequestContext, expectedVersion?: number) {
    return this.dealers.run(dealerId, caller, expectedVersion, { type: 'ApproveApplication', data: {} });
  }
}
