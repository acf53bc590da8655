import { Inject, Injectable } from '@nestjs/common';
import type { RequestContext } from '@salesos/http';
import { FundStreams } from './fund-streams';

/** A dealer's budget for a period as it stands now, read from its stream; one the caller may not see is not found. */
@Injectable()
export class ReadFundPositionQuery {
  constructor(@Inject(FundStreams) private readonly funds: FundStreams) {}

  execute(dealerId: string, period: string, caller: RequestContext) {
    return this.funds.read(dealerId, period, caller);
  }
}
