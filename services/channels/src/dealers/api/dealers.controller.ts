import { Body, Get, HttpCode, Inject, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiProduces } from '@nestjs/swagger';
import type { Response } from 'express';
import {
  Caller,
  DivisionController,
  divisionSetupRoles,
  etagFor,
  expectedVersionFrom,
  IdParam,
  IfMatch,
  pageWindow,
  type RequestContext,
  RequireRoles,
  rowScope,
} from '@salesos/http';
import { writeCsvExport } from '../../core/api/csv-export';
import { ActivateDealerHandler } from '../application/activate-dealer.handler';
import { AddDealerUserHandler } from '../application/add-dealer-user.handler';
import { ApplyAsDealerHandler } from '../application/apply-as-dealer.handler';
import { ApproveApplicationHandler } from '../application/approve-application.handler';
import { type DealerFilter, DealerList } from '../application/dealer-list.port';
import { ReadDealerQuery } from '../application/read-dealer.query';
import { ReinstateDealerHandler } from '../application/reinstate-dealer.handler';
import { RejectApplicationHandler } from '../application/reject-application.handler';
import { RemoveDealerUserHandler } from '../application/remove-dealer-user.handler';
import { SuspendDealerHandler } from '../application/suspend-dealer.handler';
import { TerminateDealerHandler } from '../application/terminate-dealer.handler';
import { TickRequirementHandler } from '../application/tick-requirement.handler';
import { type DealerState, openRequirements } from '../domain/dealer.decider';
import { dealerCsvColumns, dealerCsvRow } from './dealer-csv';
import {
  ApplyAsDealerRequest,
  DealerFilterQuery,
  DealerReasonRequest,
  ListDealersQuery,
  TerminateDealerRequest,
  TickRequirementRequest,
} from './dealer.request.dto';

const dealerIdParam = new IdParam('dealerId');
const requirementIdParam = new IdParam('requirementId');
const userIdParam = new IdParam('userId');

/** How many dealers the export reads at a time. */
const exportBatch = 500;

/** The dealer as the API shows it: its record, the checklist with what is still open, and its version. */
function dealerView(state: DealerState, version: number) {
  if (state.status === 'none') return { version };
  return { ...state, openRequirements: openRequirements(state), version };
}

function answer(result: { version: number; state: DealerState }, response: Response) {
  response.setHeader('ETag', etagFor(result.version));
  return dealerView(result.state, result.version);
}

function dealerFilter(query: DealerFilterQuery, caller: RequestContext): DealerFilter {
  return {
    divisionId: caller.divisionId,
    ...(caller.principal === undefined ? {} : { scope: rowScope(caller.principal) }),
    ...(query.status === undefined ? {} : { status: query.status }),
    ...(query.channelId === undefined ? {} : { channelId: query.channelId }),
    ...(query.q === undefined ? {} : { q: query.q }),
  };
}

/**
 * The division's dealers, from application through onboarding to active work, suspension and termination. Managers,
 * sales directors and admins run their lifecycle; everyone in the division reads them, a dealer's own users only
 * their dealer, whose onboarding requirements they may also tick with evidence.
 */
@DivisionController('dealers', 'dealers')
export class DealersController {
  constructor(
    @Inject(DealerList) private readonly list: DealerList,
    @Inject(ReadDealerQuery) private readonly readDealer: ReadDealerQuery,
    @Inject(ApplyAsDealerHandler) private readonly applyAsDealer: ApplyAsDealerHandler,
    @Inject(ApproveApplicationHandler) private readonly approveApplication: ApproveApplicationHandler,
    @Inject(RejectApplicationHandler) private readonly rejectApplication: RejectApplicationHandler,
    @Inject(TickRequirementHandler) private readonly tickRequirement: TickRequirementHandler,
    @Inject(ActivateDealerHandler) private readonly activateDealer: ActivateDealerHandler,
    @Inject(SuspendDealerHandler) private readonly suspendDealer: SuspendDealerHandler,
    @Inject(ReinstateDealerHandler) private readonly reinstateDealer: ReinstateDealerHandler,
    @Inject(TerminateDealerHandler) private readonly terminateDealer: TerminateDealerHandler,
    @Inject(AddDealerUserHandler) private readonly addDealerUser: AddDealerUserHandler,
    @Inject(RemoveDealerUserHandler) private readonly removeDealerUser: RemoveDealerUserHandler,
  ) {}

  @Post()
  @RequireRoles(...divisionSetupRoles)
  @HttpCode(201)
  async apply(
    @Body() body: ApplyAsDealerRequest,
    @Caller() caller: RequestContext,
    @IfMatch() ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    const application = {
      dealerId: body.dealerId,
      companyName: body.companyName,
      contactEmail: body.contactEmail,
      channelId: body.channelId,
      territories: [...body.territories],
      productGroups: [...body.productGroups],
    };
    const result = await this.applyAsDealer.execute(application, caller, expectedVersionFrom(ifMatch));
    response.setHeader('Location', `/dealers/${body.dealerId}`);
    return answer(result, response);
  }

  @Get()
  async find(@Query() query: ListDealersQuery, @Caller() caller: RequestContext) {
    const { page, pageSize, offset } = pageWindow(query);
    const { items, total } = await this.list.find(dealerFilter(query, caller), offset, pageSize);
    return { items, page, pageSize, total };
  }

  @Get('export')
  @ApiProduces('text/csv')
  async export(@Query() query: DealerFilterQuery, @Caller() caller: RequestContext, @Res() response: Response) {
    const filter = dealerFilter(query, caller);
    await writeCsvExport(response, {
      filename: 'dealers.csv',
      columns: dealerCsvColumns,
      row: dealerCsvRow,
      batchSize: exportBatch,
      page: (offset, count) => this.list.find(filter, offset, count),
    });
  }

  @Get(':dealerId')
  async get(
    @Param('dealerId', dealerIdParam) dealerId: string,
    @Caller() caller: RequestContext,
    @Res({ passthrough: true }) response: Response,
  ) {
    const { dealer, version } = await this.readDealer.execute(dealerId, caller);
    return answer({ state: dealer, version }, response);
  }

  @Post(':dealerId/approval')
  @RequireRoles(...divisionSetupRoles)
  @HttpCode(200)
  async approve(
    @Param('dealerId', dealerIdParam) dealerId: string,
    @Caller() caller: RequestContext,
    @IfMatch() ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    return answer(await this.approveApplication.execute(dealerId, caller, expectedVersionFrom(ifMatch)), response);
  }

  @Post(':dealerId/rejection')
  @RequireRoles(...divisionSetupRoles)
  @HttpCode(200)
  async reject(
    @Param('dealerId', dealerIdParam) dealerId: string,
    @Body() body: DealerReasonRequest,
    @Caller() caller: RequestContext,
    @IfMatch() ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    const result = await this.rejectApplication.execute(dealerId, body.reason, caller, expectedVersionFrom(ifMatch));
    return answer(result, response);
  }

  @Put(':dealerId/requirements/:requirementId')
  // A dealer's own users show their evidence; the stream's reach keeps them to their own dealer.
  @RequireRoles(...divisionSetupRoles, 'dealer')
  async tick(
    @Param('dealerId', dealerIdParam) dealerId: string,
    @Param('requirementId', requirementIdParam) requirementId: string,
    @Body() body: TickRequirementRequest,
    @Caller() caller: RequestContext,
    @IfMatch() ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    const tick = {
      requirementId,
      evidence: body.evidence,
      ...(body.evidenceUrl === undefined ? {} : { evidenceUrl: body.evidenceUrl }),
    };
    return answer(await this.tickRequirement.execute(dealerId, tick, caller, expectedVersionFrom(ifMatch)), response);
  }

  @Post(':dealerId/activation')
  @RequireRoles(...divisionSetupRoles)
  @HttpCode(200)
  async activate(
    @Param('dealerId', dealerIdParam) dealerId: string,
    @Caller() caller: RequestContext,
    @IfMatch() ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    return answer(await this.activateDealer.execute(dealerId, caller, expectedVersionFrom(ifMatch)), response);
  }

  @Post(':dealerId/suspension')
  @RequireRoles(...divisionSetupRoles)
  @HttpCode(200)
  async suspend(
    @Param('dealerId', dealerIdParam) dealerId: string,
    @Body() body: DealerReasonRequest,
    @Caller() caller: RequestContext,
    @IfMatch() ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    const result = await this.suspendDealer.execute(dealerId, body.reason, caller, expectedVersionFrom(ifMatch));
    return answer(result, response);
  }

  @Post(':dealerId/reinstatement')
  @RequireRoles(...divisionSetupRoles)
  @HttpCode(200)
  async reinstate(
    @Param('dealerId', dealerIdParam) dealerId: string,
    @Caller() caller: RequestContext,
    @IfMatch() ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    return answer(await this.reinstateDealer.execute(dealerId, caller, expectedVersionFrom(ifMatch)), response);
  }

  @Post(':dealerId/termination')
  @RequireRoles(...divisionSetupRoles)
  @HttpCode(200)
  async terminate(
    @Param('dealerId', dealerIdParam) dealerId: string,
    @Body() body: TerminateDealerRequest,
    @Caller() caller: RequestContext,
    @IfMatch() ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    const termination = { reason: body.reason, effectiveDay: body.effectiveDay };
    return answer(
      await this.terminateDealer.execute(dealerId, termination, caller, expectedVersionFrom(ifMatch)),
      response,
    );
  }

  @Put(':dealerId/users/:userId')
  @RequireRoles(...divisionSetupRoles)
  async addUser(
    @Param('dealerId', dealerIdParam) dealerId: string,
    @Param('userId', userIdParam) userId: string,
    @Caller() caller: RequestContext,
    @IfMatch() ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    return answer(await this.addDealerUser.execute(dealerId, userId, caller, expectedVersionFrom(ifMatch)), response);
  }

  @Post(':dealerId/users/:userId/removal')
  @RequireRoles(...divisionSetupRoles)
  @HttpCode(200)
  async removeUser(
    @Param('dealerId', dealerIdParam) dealerId: string,
    @Param('userId', userIdParam) userId: string,
    @Caller() caller: RequestContext,
    @IfMatch() ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    return answer(
      await this.removeDealerUser.execute(dealerId, userId, caller, expectedVersionFrom(ifMatch)),
      response,
    );
  }
}
