import { Inject, Injectable } from '@nestjs/common';
import type { RequestContext } from '@salesos/http';
import { DealerStreams } from './dealer-streams';

/** Takes a user from a dealer: they no longer act for it. */
@Injectable()
export class RemoveDealerUserHandler {
  constructor(@Inject(DealerStreams) private readonly dealers: DealerStreams) {}

  execute(dealerId: string, userId: string, caller: RequestContext, expectedVersion?: number) {
    return this.dealers.run(dealerId, caller, expectedVersion, { type: 'RemoveDealerUser', data: { userId } });
  }
}
