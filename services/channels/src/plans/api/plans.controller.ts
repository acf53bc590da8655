import { Body, Get, Inject, Param, Put, Query, Res } from '@nestjs/common';
import { ApiProduces } from '@nestjs/swagger';
import type { Response } from 'express';
import {
  Caller,
  DivisionController,
  divisionSetupRoles,
  etagFor,
  expectedVersionFrom,
  idParam,
  IfMatch,
  organisationRoles,
  pageWindow,
  type RequestContext,
  RequireRoles,
} from '@salesos/http';
import { periodParam } from '../../core/api/path-params';
import { writeCsvExport } from '../../core/api/csv-export';
import { dealerReach } from '../../core/dealer-reach';
import { type PlanFilter, PlanList } from '../application/plan-list.port';
import { ReadPlanQuery } from '../application/read-plan.query';
import { SetDealerPlanHandler } from '../application/set-dealer-plan.handler';
import { planAgainstActual } from '../domain/plan-against-actual';
import type { PlanState } from '../domain/plan.decider';
import { planCsvColumns, planCsvRow } from './plan-csv';
import { ListPlansQuery, PlanFilterQuery, SetDealerPlanRequest } from './plan.request.dto';

/** How many plans the export reads at a time. */
const exportBatch = 500;

/** The plan against what was won, in total and per product group, with every revision, and its version as the ETag. */
function answer(result: { state: PlanState; version: number }, response: Response) {
  response.setHeader('ETag', etagFor(result.version));
  const { state, version } = result;
  if (state.status === 'none') return { version };
  return {
    ...planAgainstActual(state),
    divisionId: state.divisionId,
    revisions: state.revisions,
    version,
  };
}

/** The plan's path: the dealer and the period, each checked. */
const planOf = (dealerId: string, period: string): [string, string] => [
  idParam('dealerId', dealerId),
  periodParam(period),
];

function planFilter(query: PlanFilterQuery & { dealerId?: string; channelId?: string }, caller: RequestContext) {
  const reach = dealerReach(caller);
  const filter: PlanFilter = {
    divisionId: caller.divisionId,
    ...(reach === undefined ? {} : { reach }),
    ...(query.period === undefined ? {} : { period: query.period }),
    ...(query.dealerId === undefined ? {} : { dealerId: query.dealerId }),
    ...(query.channelId === undefined ? {} : { channelId: query.channelId }),
  };
  return filter;
}

/**
 * Dealer sales plans: a plan per dealer and period (value, units, product mix), revised as a whole with each revision
 * kept with who set it and why, and measured against the deals won through the dealer. Division managers, sales
 * directors and admins set plans; the organisation reads them, a dealer's users their own dealer's.
 */
@DivisionController('plans')
export class PlansController {
  constructor(
    @Inject(PlanList) private readonly list: PlanList,
    @Inject(ReadPlanQuery) private readonly readPlan: ReadPlanQuery,
    @Inject(SetDealerPlanHandler) private readonly setPlan: SetDealerPlanHandler,
  ) {}

  @Get('plans')
  @RequireRoles(...organisationRoles, 'dealer')
  async find(@Query() query: ListPlansQuery, @Caller() caller: RequestContext) {
    const { page, pageSize, offset } = pageWindow(query);
    const { items, total } = await this.list.find(planFilter(query, caller), offset, pageSize);
    return { items, page, pageSize, total };
  }

  @Get('plans/export')
  @RequireRoles(...organisationRoles, 'dealer')
  @ApiProduces('text/csv')
  async export(@Query() query: PlanFilterQuery, @Caller() caller: RequestContext, @Res() response: Response) {
    const filter = planFilter(query, caller);
    await writeCsvExport(response, {
      filename: 'plans.csv',
      columns: planCsvColumns,
      row: planCsvRow,
      batchSize: exportBatch,
      page: (offset, count) => this.list.find(filter, offset, count),
    });
  }

  @Get('dealers/:dealerId/plans/:period')
  @RequireRoles(...organisationRoles, 'dealer')
  async get(
    @Param('dealerId') dealerId: string,
    @Param('period') period: string,
    @Caller() caller: RequestContext,
    @Res({ passthrough: true }) response: Response,
  ) {
    return answer(await this.readPlan.execute(...planOf(dealerId, period), caller), response);
  }

  @Put('dealers/:dealerId/plans/:period')
  @RequireRoles(...divisionSetupRoles)
  async set(
    @Param('dealerId') dealerId: string,
    @Param('period') period: string,
    @Body() body: SetDealerPlanRequest,
    @Caller() caller: RequestContext,
    @IfMatch() ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    const plan = {
      value: { amount: body.value.amount, currency: body.value.currency },
      units: body.units,
      productMix: body.productMix.map((line) => ({
        productGroup: line.productGroup,
        value: { amount: line.value.amount, currency: line.value.currency },
        units: line.units,
      })),
      reason: body.reason,
    };
    const result = await this.setPlan.execute(...planOf(dealerId, period), plan, caller, expectedVersionFrom(ifMatch));
    return answer(result, response);
  }
}
