import { Module } from '@nestjs/common';
import { DealersModule } from '../dealers';
import { FundsController } from './api/funds.controller';
import { AllocateFundBudgetHandler } from './application/allocate-fund-budget.handler';
import { ApproveFundRequestHandler } from './application/approve-fund-request.handler';
import { ClaimFundsHandler } from './application/claim-funds.handler';
import { FundStreams } from './application/fund-streams';
import { PayFundClaimHandler } from './application/pay-fund-claim.handler';
import { ReadFundPositionQuery } from './application/read-fund-position.query';
import { RejectFundRequestHandler } from './application/reject-fund-request.handler';
import { RequestFundsHandler } from './application/request-funds.handler';

/** Market development funds: each dealer's budget per period and the requests drawn on it. */
@Module({
  imports: [DealersModule],
  controllers: [FundsController],
  providers: [
    FundStreams,
    ReadFundPositionQuery,
    AllocateFundBudgetHandler,
    RequestFundsHandler,
    ApproveFundRequestHandler,
    RejectFundRequestHandler,
    ClaimFundsHandler,
    PayFundClaimHandler,
  ],
})
export class FundsModule {}
