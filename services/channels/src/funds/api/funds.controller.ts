import { Body, Get, HttpCode, Inject, Param, Post, Put, Res } from '@nestjs/common';
import type { Response } from 'express';
import {
  Caller,
  DivisionController,
  divisionSetupRoles,
  etagFor,
  expectedVersionFrom,
  IfMatch,
  type MoneyRequest,
  organisationRoles,
  type RequestContext,
  RequireRoles,
} from '@salesos/http';
import type { Money } from '@salesos/kernel';
import { idParam } from '@salesos/http';
import { periodParam } from '../../core/api/path-params';
import { AllocateFundBudgetHandler } from '../application/allocate-fund-budget.handler';
import { ApproveFundRequestHandler } from '../application/approve-fund-request.handler';
import { ClaimFundsHandler } from '../application/claim-funds.handler';
import { PayFundClaimHandler } from '../application/pay-fund-claim.handler';
import { ReadFundPositionQuery } from '../application/read-fund-position.query';
import { RejectFundRequestHandler } from '../application/reject-fund-request.handler';
import { RequestFundsHandler } from '../application/request-funds.handler';
import type { FundState } from '../domain/fund.decider';
import { fundPosition } from '../domain/fund-position';
import {
  ApproveFundRequestRequest,
  ClaimFundsRequest,
  PayFundClaimRequest,
  RejectFundRequestRequest,
  RequestFundsRequest,
  SetFundBudgetRequest,
} from './fund.request.dto';

const money = (value: MoneyRequest): Money => ({ amount: value.amount, currency: value.currency });

/** Where the budget stands, with each request, and its version as the ETag. */
function answer(result: { state: FundState; version: number }, response: Response) {
  response.setHeader('ETag', etagFor(result.version));
  const position = fundPosition(result.state);
  const requests = result.state.status === 'none' ? [] : result.state.requests;
  return { ...position, requests, version: result.version };
}

/** The budget's path: the dealer and the period, each checked. */
const budgetOf = (dealerId: string, period: string): [string, string] => [
  idParam('dealerId', dealerId),
  periodParam(period),
];

/**
 * Market development funds: a budget per dealer and period, and the requests drawn on it, approved or rejected,
 * claimed with proof and paid. Division managers, sales directors and admins allocate, approve, reject and pay; a
 * dealer's users request and claim for their own dealer; the organisation reads. The budget is never overdrawn.
 */
@DivisionController('funds', 'dealers/:dealerId/funds/:period')
export class FundsController {
  constructor(
    @Inject(ReadFundPositionQuery) private readonly readPosition: ReadFundPositionQuery,
    @Inject(AllocateFundBudgetHandler) private readonly allocateBudget: AllocateFundBudgetHandler,
    @Inject(RequestFundsHandler) private readonly requestFunds: RequestFundsHandler,
    @Inject(ApproveFundRequestHandler) private readonly approveRequest: ApproveFundRequestHandler,
    @Inject(RejectFundRequestHandler) private readonly rejectRequest: RejectFundRequestHandler,
    @Inject(ClaimFundsHandler) private readonly claimFunds: ClaimFundsHandler,
    @Inject(PayFundClaimHandler) private readonly payClaim: PayFundClaimHandler,
  ) {}

  @Get()
  @RequireRoles(...organisationRoles, 'dealer')
  async get(
    @Param('dealerId') dealerId: string,
    @Param('period') period: string,
    @Caller() caller: RequestContext,
    @Res({ passthrough: true }) response: Response,
  ) {
    return answer(await this.readPosition.execute(...budgetOf(dealerId, period), caller), response);
  }

  @Put()
  @RequireRoles(...divisionSetupRoles)
  async set(
    @Param('dealerId') dealerId: string,
    @Param('period') period: string,
    @Body() body: SetFundBudgetRequest,
    @Caller() caller: RequestContext,
    @IfMatch() ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    const budget = { amount: money(body.amount), ...(body.reason === undefined ? {} : { reason: body.reason }) };
    const result = await this.allocateBudget.execute(
      ...budgetOf(dealerId, period),
      budget,
      caller,
      expectedVersionFrom(ifMatch),
    );
    return answer(result, response);
  }

  @Post('requests')
  @RequireRoles(...divisionSetupRoles, 'dealer')
  @HttpCode(201)
  async request(
    @Param('dealerId') dealerId: string,
    @Param('period') period: string,
    @Body() body: RequestFundsRequest,
    @Caller() caller: RequestContext,
    @IfMatch() ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    const request = {
      ...(body.requestId === undefined ? {} : { requestId: body.requestId }),
      amount: money(body.amount),
      purpose: body.purpose,
    };
    const result = await this.requestFunds.execute(
      ...budgetOf(dealerId, period),
      request,
      caller,
      expectedVersionFrom(ifMatch),
    );
    return { requestId: result.requestId, ...answer(result, response) };
  }

  @Post('requests/:requestId/approval')
  @RequireRoles(...divisionSetupRoles)
  @HttpCode(200)
  async approve(
    @Param('dealerId') dealerId: string,
    @Param('period') period: string,
    @Param('requestId') requestId: string,
    @Body() body: ApproveFundRequestRequest,
    @Caller() caller: RequestContext,
    @IfMatch() ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    const result = await this.approveRequest.execute(
      ...budgetOf(dealerId, period),
      idParam('requestId', requestId),
      money(body.approvedAmount),
      caller,
      expectedVersionFrom(ifMatch),
    );
    return answer(result, response);
  }

  @Post('requests/:requestId/rejection')
  @RequireRoles(...divisionSetupRoles)
  @HttpCode(200)
  async reject(
    @Param('dealerId') dealerId: string,
    @Param('period') period: string,
    @Param('requestId') requestId: string,
    @Body() body: RejectFundRequestRequest,
    @Caller() caller: RequestContext,
    @IfMatch() ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    const result = await this.rejectRequest.execute(
      ...budgetOf(dealerId, period),
      idParam('requestId', requestId),
      body.reason,
      caller,
      expectedVersionFrom(ifMatch),
    );
    return answer(result, response);
  }

  @Post('requests/:requestId/claim')
  @RequireRoles(...divisionSetupRoles, 'dealer')
  @HttpCode(200)
  async claim(
    @Param('dealerId') dealerId: string,
    @Param('period') period: string,
    @Param('requestId') requestId: string,
    @Body() body: ClaimFundsRequest,
    @Caller() caller: RequestContext,
    @IfMatch() ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    const result = await this.claimFunds.execute(
      ...budgetOf(dealerId, period),
      idParam('requestId', requestId),
      { claimedAmount: money(body.claimedAmount), proof: [...body.proof] },
      caller,
      expectedVersionFrom(ifMatch),
    );
    return answer(result, response);
  }

  @Post('requests/:requestId/payment')
  @RequireRoles(...divisionSetupRoles)
  @HttpCode(200)
  async pay(
    @Param('dealerId') dealerId: string,
    @Param('period') period: string,
    @Param('requestId') requestId: string,
    @Body() body: PayFundClaimRequest,
    @Caller() caller: RequestContext,
    @IfMatch() ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    const result = await this.payClaim.execute(
      ...budgetOf(dealerId, period),
      idParam('requestId', requestId),
      { paidAt: new Date(body.paidAt).toISOString(), reference: body.reference },
      caller,
      expectedVersionFrom(ifMatch),
    );
    return answer(result, response);
  }
}
