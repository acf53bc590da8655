import { Inject, Injectable } from '@nestjs/common';
import type { RequestContext } from '@salesos/http';
import type { Dealer } from '../domain/dealer.decider';
import { dealerInReach, dealerNotFound, DealerStreams } from './dealer-streams';

/** One dealer as its stream has it, if it is of the caller's division and in their reach; otherwise not found. */
@Injectable()
export class ReadDealerQuery {
  constructor(@Inject(DealerStreams) private readonly dealers: DealerStreams) {}

  async execute(dealerId: string, caller: RequestContext): Promise<{ dealer: Dealer; version: number }> {
    const { state, version } = await this.dealers.load(dealerId);
    if (state.status === 'none' || !dealerInReach(caller, state)) throw dealerNotFound(dealerId);
    return { dealer: state, version };
  }
}
